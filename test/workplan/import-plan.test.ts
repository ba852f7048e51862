import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';

const PLAN = readFileSync(new URL('../../sheets-templates/example/tongnan-shuangyong-work-plan-2021.txt', import.meta.url), 'utf8');

describe('importPlan on the Tongnan 双拥 plan', () => {
  const plan = importPlan(PLAN);
  const byLead = (lead: string) => plan.tasks.filter((t) => t.lead.join('、') === lead);

  it('finds all sixteen tasks with their units, a short title and the full text', () => {
    expect(plan.tasks).toHaveLength(16);
    expect(plan.tasks[0]).toEqual({
      category: '持续巩固“314”工程',
      title: '继续加强对“双拥大道”的维护管理',
      detail: '继续加强对“双拥大道”的维护管理，丰富大道两侧的双拥文化氛围',
      lead: ['区交通局'],
      assist: ['双江镇', '大佛街道'],
      leader: [],
      line: 40,
      place: '第40行',
    });
  });

  it('splits a paragraph with two clauses into two tasks', () => {
    expect(plan.tasks[1]).toMatchObject({
      title: '在双拥大道附近打造1至2个退役军人创业典型',
      lead: ['区农业农村委'],
      assist: ['双江镇', '大佛街道'],
      line: 40,
    });
  });

  it('keeps three lead units of one task', () => {
    const [task] = byLead('区司法局、区国资委、区卫健委');
    expect(task.assist).toEqual([]);
    expect(task.title).toBe('继续做好司法、金融、医疗等进军营活动');
  });

  it('reads an enumerated item under a sub-heading with three assisting units', () => {
    const task = plan.tasks.find((t) => t.assist.join('、') === '区科技局、区人力社保局、区农业农村委');
    expect(task).toMatchObject({ category: '深化区域协作推动一体化发展', lead: ['区退役军人事务局'], line: 64 });
    expect(task!.title).toBe('推动潼南退役军人产业孵化园建设工作');
    expect(task!.detail).toMatch(/^推动潼南退役军人产业孵化园建设工作。积极争取/);
  });

  it('titles a numbered item by its heading phrase, its category the heading around it', () => {
    const task = plan.tasks.find((t) => t.lead[0] === '区城投集团');
    expect(task!.title).toBe('建设一个双拥主题文化园');
    expect(task!.category).toBe('重点打造特色亮点工作');
    expect(task!.detail).toMatch(/^建设一个双拥主题文化园。为进一步丰富我区双拥文化/);
    expect(task!.detail).toMatch(/配套的宣传设施等。$/);
  });

  it('names every category in plan order', () => {
    expect([...new Set(plan.tasks.map((t) => t.category))]).toEqual([
      '持续巩固“314”工程',
      '重点打造特色亮点工作',
      '深化区域协作推动一体化发展',
    ]);
  });

  it('reads the five phases with their date windows', () => {
    expect(plan.phases.map((p) => [p.name, p.start, p.due])).toEqual([
      ['宣传发动阶段', '2020-11-01', '2020-12-31'],
      ['全面实施阶段', '2021-01-01', '2021-12-31'],
      ['迎接中期考评阶段', '2022-01-01', '2022-06-30'],
      ['巩固提高阶段', '2022-06-01', '2022-12-31'],
      ['迎接国家考评验收阶段', '2023-01-01', '2023-06-30'],
    ]);
    expect(plan.phases[0].raw).toBe('2020年11月——12月');
  });

  it('reports the item whose division of work is in another document', () => {
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/^第58行：工作分工见外部文件，未生成任务（扎实开展“双拥”系列活动；/);
    expect(plan.problems[0]).toContain('《重庆市潼南区开展双拥月系列活动方案》');
    expect(plan.tasks.some((t) => t.detail.includes('双拥观念深入人心'))).toBe(false);
    expect(plan.unrecognized).toEqual([]);
  });
});
