import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';

const brief = (text: string) =>
  importPlan(text).tasks.map((t) => ({ category: t.category, title: t.title, lead: t.lead, assist: t.assist }));

describe('importPlan on other offices’ plan formats', () => {
  it('(a) reads 牵头单位 and 责任单位 lines under each task', () => {
    const text = [
      '一、加强组织领导',
      '1．成立创建工作专班，明确专人负责。',
      '牵头单位：区委办',
      '责任单位：区政府办、区双拥办',
      '',
      '2．把双拥工作纳入年度目标考核。',
      '责任单位：区考核办',
    ].join('\n');
    expect(brief(text)).toEqual([
      { category: '加强组织领导', title: '成立创建工作专班', lead: ['区委办'], assist: ['区政府办', '区双拥办'] },
      { category: '加强组织领导', title: '把双拥工作纳入年度目标考核', lead: ['区考核办'], assist: [] },
    ]);
  });

  it('(b) reads square-bracket clauses', () => {
    const text = '（一）宣传教育\n开展国防教育进校园活动。[责任单位：区教委、区人武部]\n设置双拥宣传专栏。【责任单位：区委宣传部】';
    expect(brief(text)).toEqual([
      { category: '宣传教育', title: '开展国防教育进校园活动', lead: ['区教委', '区人武部'], assist: [] },
      { category: '宣传教育', title: '设置双拥宣传专栏', lead: ['区委宣传部'], assist: [] },
    ]);
  });

  it('(c) reads closing parentheses by role word', () => {
    const text = [
      '三、主要任务',
      '落实军人家属就业安置政策（区人力社保局牵头，区退役军人事务局配合）。',
      '保障随军子女入学（区教委、区人武部负责）。',
      '推进军民融合项目（区发展改革委牵头，区经济信息委、区科技局按职责分工负责）。',
    ].join('\n');
    expect(brief(text)).toEqual([
      { category: '主要任务', title: '落实军人家属就业安置政策', lead: ['区人力社保局'], assist: ['区退役军人事务局'] },
      { category: '主要任务', title: '保障随军子女入学', lead: ['区教委', '区人武部'], assist: [] },
      { category: '主要任务', title: '推进军民融合项目', lead: ['区发展改革委'], assist: ['区经济信息委', '区科技局'] },
    ]);
  });

  it('(d) reads numbered tasks with a keyed clause after the sentence', () => {
    const text = '二、重点工作\n1. 完善退役军人服务站建设。（牵头单位：区退役军人事务局；配合单位：各镇街）\n2. 开展走访慰问。（牵头单位：区民政局）';
    expect(brief(text)).toEqual([
      { category: '重点工作', title: '完善退役军人服务站建设', lead: ['区退役军人事务局'], assist: ['各镇街'] },
      { category: '重点工作', title: '开展走访慰问', lead: ['区民政局'], assist: [] },
    ]);
  });

  it('leaves ordinary parentheses in the text alone', () => {
    const text = '各村（社区）要做好宣传（此页无正文），落实《考评标准》（2019年版）。';
    expect(importPlan(text).tasks).toEqual([]);
  });

  it('reports a clause with assisting units only', () => {
    const plan = importPlan('做好宣传工作。（协助单位：区文旅委）');
    expect(plan.tasks).toEqual([
      { category: '', title: '做好宣传工作', detail: '做好宣传工作。', lead: [], assist: ['区文旅委'], leader: [], line: 1, place: '第1行' },
    ]);
    expect(plan.problems).toEqual(['第1行：任务“做好宣传工作”只写了协助单位，没有写责任单位']);
  });

  it('says so when the document has no tasks', () => {
    const plan = importPlan('关于做好2022年春节走访慰问工作的通知\n\n请各单位认真落实。');
    expect(plan.tasks).toEqual([]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/^没有在文档中找到带责任单位的任务：请检查/);
  });

  it('reads phase windows that cross into a new year or give days', () => {
    const text = '（一）动员部署阶段（2021年11月—2月）\n（二）总结验收阶段：2022年3月1日至6月15日';
    expect(importPlan(text).phases).toEqual([
      { name: '动员部署阶段', raw: '2021年11月—2月', start: '2021-11-01', due: '2022-02-28' },
      { name: '总结验收阶段', raw: '2022年3月1日至6月15日', start: '2022-03-01', due: '2022-06-15' },
    ]);
  });
  it('counts lines of a CRLF file with a BOM, and ignores an unclosed clause', () => {
    const plan = importPlan('\uFEFF一、任务\r\n\r\n做好接待工作。（责任单位：区政府办）\r\n完善档案（责任单位：区档案馆');
    expect(plan.tasks.map((t) => [t.line, t.category, t.title, t.lead])).toEqual([[3, '任务', '做好接待工作', ['区政府办']]]);
  });
  it('combines a keyed line and a role line under one task', () => {
    const plan = importPlan('建立联络员制度。\n牵头单位：区双拥办\n（区民政局、区财政局负责）');
    const units = ['区民政局', '区财政局'];
    expect(plan.tasks).toEqual([
      { category: '', title: '建立联络员制度', detail: '建立联络员制度。', lead: ['区双拥办'], assist: units, leader: [], line: 1, place: '第1行' },
    ]);
  });
});

describe('a paragraph wrapped over several lines', () => {
  it('is read whole when a bracket is left open or a full line ends mid-sentence', () => {
    const text = [
      '1．推进全市重点项目建设，加快形成实物工作量，确保全年固定资产投资',
      '增长10%以上。（牵头单位：市发展改革委；配合单位：市财政局、',
      '市自然资源和规划局）',
      '2．开展走访慰问。（责任单位：市民政局）',
    ].join('\n');
    expect(brief(text)).toEqual([
      { category: '', title: '推进全市重点项目建设', lead: ['市发展改革委'], assist: ['市财政局', '市自然资源和规划局'] },
      { category: '', title: '开展走访慰问', lead: ['市民政局'], assist: [] },
    ]);
    expect(importPlan(text).tasks[0].detail).toBe('推进全市重点项目建设，加快形成实物工作量，确保全年固定资产投资增长10%以上。');
  });
});

describe('phase windows with parts of months', () => {
  it('reads 上旬, 中旬 and 下旬 at either end, and a sentence after the phase', () => {
    const text = [
      '（一）动员部署阶段（2024年3月上旬）',
      '（二）自查整改阶段（2024年3月中旬—6月）。各单位对照清单自查。',
      '（三）验收阶段（2024年7月—8月中旬）',
    ].join('\n');
    expect(importPlan(text).phases.map((p) => [p.name, p.start, p.due])).toEqual([
      ['动员部署阶段', '2024-03-01', '2024-03-10'],
      ['自查整改阶段', '2024-03-11', '2024-06-30'],
      ['验收阶段', '2024-07-01', '2024-08-20'],
    ]);
  });
});
