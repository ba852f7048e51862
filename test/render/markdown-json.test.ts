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
    expect(renderAnswerMarkdown(sampleAnswer({ kind: 'overdue', unit: null }))).toContain('- **\\#1** 道路巡检 · 区交通局 · 截止 2026-02-20 · 逾期 12 天');
    expect(renderProblemsMarkdown([makeProblem()])).toContain('### 错误（1）');
  });
});

describe('answerToJson', () => {
  it('has exactly the documented fields, status as the Chinese state word', () => {
    const json = answerToJson(sampleAnswer({ kind: 'unit_tasks', unit: '双江镇', role: 'any' }));
    expect(Object.keys(json).slice(0, 4)).toEqual(['intent', 'units', 'tasks', 'text']);
    expect(json).toMatchObject({ intent: 'unit_tasks', units: ['双江镇'] });
    expect(json.tasks).toEqual([
      { id: '8', title: '旧改调研', role: 'lead', status: '暂缓', due: '2026-02-01', overdue: false },
      { id: '5', title: '双拥公园维护', role: 'lead', status: '进行中', due: '2026-03-04', overdue: false },
      { id: '10', title: '拥军优属走访', role: 'lead', status: '进行中', due: '2026-04-30', overdue: false },
      { id: '1', title: '道路巡检', role: 'assist', status: '进行中', due: '2026-02-20', overdue: true },
    ]);
    expect(json.text).toContain('双江镇参与的任务（4 项）');
    expect(json.text).not.toContain('\u001b[');
  });

  it('gives a text and no tasks for an unknown unit', () => {
    expect(answerToJson(sampleAnswer({ kind: 'overdue', unit: '交通部' }))).toMatchObject({ intent: 'overdue', units: [], tasks: [] });
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
