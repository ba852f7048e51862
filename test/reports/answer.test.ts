import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/ask/intent.js';
import { answerQuestion } from '../../src/reports/answer.js';
import { HELP_EXAMPLES } from '../../src/reports/answer-summary.js';
import type { AnswerContext } from '../../src/reports/answer-types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { sampleDirectory, sampleLedger, TODAY } from './sample-ledger.js';

function ask(intent: Intent, extra: Partial<AnswerContext> = {}, today = TODAY) {
  const ledger = sampleLedger();
  const ctx: AnswerContext = { ledger, directory: sampleDirectory(ledger), today, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS, ...extra };
  return answerQuestion(intent, ctx);
}
const ids = (a: { tasks: { id: string; role: string }[] }) => a.tasks.map((t) => `${t.id}:${t.role}`);

describe('answerQuestion: unit tasks', () => {
  it('lists the tasks a unit leads, by the name people write', () => {
    const a = ask({ kind: 'unit_tasks', unit: '交通局', role: 'lead' });
    expect(a).toMatchObject({ intent: 'unit_tasks', units: ['区交通局'], title: '区交通局负责的任务（4 项）', empty: false });
    expect(ids(a)).toEqual(['7:lead', '1:lead', '2:lead', '3:lead']);
    expect(a.tasks[1]).toMatchObject({ id: '1', title: '道路巡检', status: '进行中', due: '2026-02-20', overdue: true });
  });

  it('lists assisted tasks with role assist, and both for role any', () => {
    expect(ids(ask({ kind: 'unit_tasks', unit: '双江镇', role: 'assist' }))).toEqual(['1:assist']);
    const any = ask({ kind: 'unit_tasks', unit: '双江镇', role: 'any' });
    expect(ids(any)).toEqual(['8:lead', '5:lead', '10:lead', '1:assist']);
    expect(any.sections.map((s) => s.heading)).toEqual(['牵头负责', '协助配合']);
  });

  it('says so when a unit has no such tasks', () => {
    const a = ask({ kind: 'unit_tasks', unit: '交通局', role: 'assist' });
    expect(a).toMatchObject({ title: '区交通局目前没有协助的任务', empty: true, tasks: [] });
  });

  it('answers an unknown unit with near names, and an ambiguous one with the candidates, without guessing', () => {
    expect(ask({ kind: 'unit_tasks', unit: '交通部', role: 'lead' })).toMatchObject({
      title: '没有找到单位 交通部',
      notice: '您是不是要找：区交通局',
      tasks: [],
      empty: true,
    });
    const ambiguous = ask({ kind: 'unit_tasks', unit: '局', role: 'lead' });
    expect(ambiguous.tasks).toEqual([]);
    expect(ambiguous.units.sort()).toEqual(['区交通局', '区城管局', '区林业局'].sort());
    expect(ambiguous.title).toContain('可能指多个单位');
  });
});

describe('answerQuestion: my tasks', () => {
  it("answers with the asker's unit", () => {
    const a = ask({ kind: 'my_tasks', role: 'lead' }, { asker: { unit: '区城管局' } });
    expect(a).toMatchObject({ intent: 'my_tasks', units: ['区城管局'] });
    expect(ids(a)).toEqual(['2:lead', '4:lead', '9:lead']);
  });

  it('explains how to register when the asker has no unit', () => {
    const a = ask({ kind: 'my_tasks', role: 'any' });
    expect(a).toMatchObject({ intent: 'my_tasks', empty: true, title: '还不知道您属于哪个单位' });
    expect(a.notice).toContain('单位名录');
  });
});

describe('answerQuestion: overdue and due', () => {
  it('lists overdue tasks most overdue first, for all or one unit', () => {
    expect(ids(ask({ kind: 'overdue', unit: null }))).toEqual(['1:lead', '6:lead', '2:lead']);
    expect(ask({ kind: 'overdue', unit: '城管局' })).toMatchObject({ units: ['区城管局'], title: '区城管局逾期任务（1 项）' });
  });

  it('says when a unit has no overdue tasks', () => {
    expect(ask({ kind: 'overdue', unit: '双江镇' })).toMatchObject({ title: '双江镇目前没有逾期任务', empty: true });
  });

  it('lists tasks due by Sunday for "this week", with the overdue count as a hint', () => {
    const a = ask({ kind: 'due', period: 'week', days: null, unit: null });
    expect(ids(a)).toEqual(['5:lead', '3:lead']);
    expect(a.title).toContain('截至 2026-03-08');
    expect(a.notice).toContain('另有 3 项已逾期');
  });

  it('lists tasks due by the month end, or within N calendar days', () => {
    expect(ids(ask({ kind: 'due', period: 'month', days: null, unit: null }))).toEqual(['5:lead', '3:lead', '4:lead']);
    expect(ids(ask({ kind: 'due', period: 'days', days: 2, unit: null }))).toEqual(['5:lead', '3:lead']);
    expect(ask({ kind: 'due', period: 'week', days: null, unit: '林业局' })).toMatchObject({ empty: true, title: '区林业局本周（截至 2026-03-08）没有到期的任务' });
  });

  it('treats Sunday as the last day of its own week', () => {
    expect(ask({ kind: 'due', period: 'week', days: null, unit: null }, {}, '2026-03-08').title).toContain('截至 2026-03-08');
  });
});

describe('answerQuestion: one task, keyword, progress, ranking', () => {
  it('describes one task with its units, deadline, status and note', () => {
    const a = ask({ kind: 'task', id: '#1' });
    expect(a).toMatchObject({ title: '任务 1：道路巡检', units: ['区交通局'] });
    expect(a.lines).toContain('协助单位：双江镇、大佛街道');
    expect(a.lines.join('\n')).toContain('已逾期 12 天（8 个工作日），建议督办');
  });

  it('says when a task id is not found and offers near ids', () => {
    const a = ask({ kind: 'task', id: '12' });
    expect(a).toMatchObject({ title: '没有找到编号为 12 的任务', empty: true });
    expect(a.notice).toBe('相近的编号：1、2、10、11'); // a prefix, or one character apart
  });

  it('finds tasks by keyword in title, category or note', () => {
    expect(ids(ask({ kind: 'keyword', keyword: '双拥' }))).toEqual(['5:lead', '10:lead', '11:lead']);
    expect(ask({ kind: 'keyword', keyword: '不存在的词' })).toMatchObject({ empty: true, title: '没有找到与“不存在的词”有关的任务' });
  });

  it('gives the overall numbers and lights', () => {
    const a = ask({ kind: 'progress' });
    expect(a.lines[0]).toBe('共 11 项：已完成 1，进行中 7，未开始 2，暂缓 1；完成率 9.1%');
    expect(a.lines[2]).toBe('绿灯 4 · 黄灯 4 · 红灯 3');
  });

  it('ranks units by overdue tasks', () => {
    const a = ask({ kind: 'ranking' });
    expect(a.units).toEqual(['区交通局', '区城管局', '区林业局']);
    expect(a.lines[0]).toBe('1. 区交通局：逾期 2 项（牵头 4 项，已完成 1 项）');
  });
});

describe('answerQuestion: help, unknown, update', () => {
  it('lists example questions for help and for a question not understood', () => {
    expect(ask({ kind: 'help' })).toMatchObject({ intent: 'help', empty: false });
    const unknown = ask({ kind: 'unknown', text: '今天天气' });
    expect(unknown).toMatchObject({ intent: 'unknown', title: '没听懂这个问题，可以这样问：' });
    expect(unknown.lines).toEqual(HELP_EXAMPLES.map((e) => `· ${e}`));
  });

  it('describes an update without writing it, naming duban update', () => {
    const ledger = sampleLedger();
    const before = JSON.stringify(ledger);
    const a = answerQuestion(
      { kind: 'update', id: '3', status: '已完成', progress: '100%', note: '已通车' },
      { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS },
    );
    expect(a).toMatchObject({ intent: 'update', title: '更新任务 3：公交线路优化', units: ['区交通局'] });
    expect(a.lines[1]).toContain('duban update 3 --status 已完成 --progress 100% --note "已通车"');
    expect(JSON.stringify(ledger)).toBe(before);
  });
});
