import { describe, expect, it } from 'vitest';
import { renderDigestMarkdown } from '../../src/render/digest.js';
import { renderReminderMarkdown } from '../../src/render/reminders.js';
import { answerToJson, renderAnswerMarkdown } from '../../src/render/answer.js';
import { problemsToJson, renderProblemsMarkdown } from '../../src/render/problems.js';
import { makeLedger, makeProblem, makeTask } from '../support/make-task.js';
import { sampleAnswer, sampleDigest, samplePlan } from './render-helpers.js';

describe('markdown', () => {
  it('renders the digest with headings, lists and a GFM table', () => {
    const md = renderDigestMarkdown(sampleDigest());
    expect(md.startsWith('## 督办日报 · 2026-03-04\n')).toBe(true);
    // Three overdue, one of them escalated: listed once under 建议督办, the other two under 其他逾期.
    expect(md).toContain('### 建议督办（1）');
    expect(md).toContain('### 其他逾期（2）');
    expect(md).toContain('| 单位 | 牵头 | 已完成 | 进行中 | 逾期 |\n| --- | ---: | ---: | ---: | ---: |\n| 区交通局 | 4 | 1 | 3 | 2 |');
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('escapes hostile titles and table cells', () => {
    const ledger = makeLedger([makeTask({ id: '1', title: '[点我](javascript:x) **急**', lead: ['甲|乙'], due: '2026-03-02' })]);
    const md = renderDigestMarkdown(sampleDigest(ledger));
    expect(md).toContain('\\[点我\\]\\(javascript:x\\) \\*\\*急\\*\\*');
    expect(md).toContain('| 甲\\|乙 | 1 |');
  });

  it('renders reminders per chat and answers', () => {
    expect(renderReminderMarkdown(samplePlan())).toContain('<!-- → 工作群 oc_traffic -->\n## 督办提醒 · 2026-03-04');
    expect(renderAnswerMarkdown(sampleAnswer('逾期任务'))).toContain('- **\\#1** 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天');
    expect(renderProblemsMarkdown([makeProblem()])).toContain('### 错误（1）');
  });
});

describe('answerToJson', () => {
  it('has exactly the documented fields, status as the Chinese state word', () => {
    const json = answerToJson(sampleAnswer('双江镇的任务'));
    expect(Object.keys(json)).toEqual(['intent', 'understood', 'units', 'count', 'tasks', 'text', 'empty']);
    expect(json).toMatchObject({ intent: 'unit_tasks', understood: true, units: ['双江镇'], count: 4 });
    const task = (id: string, title: string, role: string, status: string, due: string, overdue: boolean, light: string, lead: string[], assist: string[] = []) =>
      ({ id, title, role, status, due, overdue, lead, assist, light });
    expect(json.tasks).toEqual([
      task('5', '双拥公园维护', 'lead', '进行中', '2026-03-04', false, 'blue', ['双江镇']),
      task('10', '拥军优属走访', 'lead', '进行中', '2026-04-30', false, 'yellow', ['双江镇']),
      task('8', '旧改调研', 'lead', '暂缓', '2026-02-01', false, 'green', ['双江镇']),
      task('1', '道路巡检', 'assist', '进行中', '2026-02-20', true, 'red', ['区交通局'], ['双江镇', '大佛街道']),
    ]);
    expect(json.text).toContain('双江镇的任务（4 项）');
    expect(json.text).not.toContain('\u001b[');
  });

  it('gives a text and no tasks for an unknown unit', () => {
    expect(answerToJson(sampleAnswer('交通运输部逾期的'))).toMatchObject({ intent: 'overdue', units: [], tasks: [], notFound: ['交通运输部'] });
  });
});

describe('problemsToJson', () => {
  it('is ok only without errors, in the validate shape', () => {
    expect(problemsToJson([makeProblem({ severity: 'warning' })])).toEqual({
      ok: true,
      problems: [{ row: 3, column: '截止日期', severity: 'warning', message: '无法识别的日期', code: 'bad_date' }],
    });
    expect(problemsToJson([makeProblem()]).ok).toBe(false);
  });
});
