import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/ask/intent.js';
import { answerQuestion } from '../../src/reports/answer.js';
import type { AnswerContext } from '../../src/reports/answer-types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { answerToJson } from '../../src/render/answer.js';
import { sampleDirectory, sampleLedger, TODAY } from './sample-ledger.js';

// Sample (Wed 2026-03-04): overdue 1, 6, 2; due 5 today, 3 on Fri, 4 next Mon; 10 behind (5% by 04-30);
// done 7; paused 8; not started 9 (ongoing) and 11.
function ask(intent: Intent) {
  const ledger = sampleLedger();
  const ctx: AnswerContext = { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS };
  return answerQuestion(intent, ctx);
}
const ids = (a: { tasks: { id: string }[] }) => a.tasks.map((t) => t.id);

describe('answerQuestion: tasks by state', () => {
  it('lists done, paused and not-started tasks', () => {
    expect(ask({ kind: 'state', state: 'done', unit: null })).toMatchObject({ intent: 'state', title: '已完成的任务（1 项）' });
    expect(ids(ask({ kind: 'state', state: 'done', unit: null }))).toEqual(['7']);
    expect(ids(ask({ kind: 'state', state: 'paused', unit: null }))).toEqual(['8']);
    expect(ids(ask({ kind: 'state', state: 'not_started', unit: null }))).toEqual(['9', '11']);
  });

  it('lists a unit’s unfinished tasks, overdue first, and counts the overdue ones', () => {
    const a = ask({ kind: 'state', state: 'open', unit: '交通局' });
    expect(a).toMatchObject({ units: ['区交通局'], title: '区交通局未完成的任务（3 项）', notice: '其中 2 项已逾期。' });
    expect(ids(a)).toEqual(['1', '2', '3']);
  });

  it('says so when nothing is in that state, and keeps the JSON shape', () => {
    const a = ask({ kind: 'state', state: 'done', unit: '林业局' });
    expect(a).toMatchObject({ title: '区林业局没有已完成的任务', empty: true });
    expect(Object.keys(answerToJson(a)).slice(0, 4)).toEqual(['intent', 'units', 'tasks', 'text']);
    expect(answerToJson(a)).toMatchObject({ intent: 'state', units: ['区林业局'], tasks: [] });
  });
});

describe('answerQuestion: tasks that need attention', () => {
  it('lists behind-schedule tasks including the overdue ones', () => {
    const a = ask({ kind: 'attention', by: 'behind', percent: null, unit: null });
    expect(a.title).toBe('进度滞后的任务（含逾期）（4 项）');
    expect(ids(a)).toEqual(['1', '6', '2', '10']);
  });

  it('lists red and yellow lights', () => {
    expect(ids(ask({ kind: 'attention', by: 'red', percent: null, unit: null }))).toEqual(['1', '6', '2']);
    expect(ids(ask({ kind: 'attention', by: 'yellow', percent: null, unit: null }))).toEqual(['3', '4', '5', '10']);
  });

  it('lists open tasks below a progress and counts those without one', () => {
    const a = ask({ kind: 'attention', by: 'below', percent: 50, unit: null });
    expect(a).toMatchObject({ title: '进度低于 50% 的未完成任务（1 项）', notice: '另有 8 项未填写进度，未计入。' });
    expect(ids(a)).toEqual(['10']);
    expect(ids(ask({ kind: 'attention', by: 'below', percent: 70, unit: '交通局' }))).toEqual(['3']);
  });

  it('answers an unknown unit with near names', () => {
    expect(ask({ kind: 'attention', by: 'red', percent: null, unit: '交通部' })).toMatchObject({ title: '没有找到单位 交通部', empty: true });
  });
});

describe('answerQuestion: more due windows and overdue by days', () => {
  const due = (period: Extract<Intent, { kind: 'due' }>['period'], extra: Partial<Extract<Intent, { kind: 'due' }>> = {}) =>
    ask({ kind: 'due', period, days: null, unit: null, ...extra });

  it('today, tomorrow, next week and next month', () => {
    expect(due('today')).toMatchObject({ title: '今天到期的任务（2026-03-04，1 项）' });
    expect(ids(due('today'))).toEqual(['5']);
    expect(due('tomorrow')).toMatchObject({ title: '明天（2026-03-05）没有到期的任务', empty: true, notice: '另有 3 项已逾期，可以问“哪些任务逾期了”。' });
    expect(due('next_week').title).toBe('下周到期的任务（2026-03-09 至 2026-03-15，1 项）');
    expect(ids(due('next_week'))).toEqual(['4']);
    expect(ids(due('next_month'))).toEqual(['10']);
  });

  it('up to a day of the year: this year’s, or next year’s when long past', () => {
    expect(due('date', { date: { month: 4, day: null } }).title).toBe('4月底前到期的任务（截至 2026-04-30，4 项）');
    expect(due('date', { date: { month: 2, day: 1 } })).toMatchObject({ title: '2月1日前（截至 2026-02-01）没有到期的任务', empty: true });
    expect(due('date', { date: { month: 1, day: 10 } }).title).toContain('截至 2026-01-10');
    expect(ids(due('date', { date: { month: 6, day: 30 } }))).toEqual(['5', '3', '4', '10', '11']);
  });

  it('a whole month: from its first day (or today) to its last', () => {
    expect(due('date', { date: { month: 4, day: null, inMonth: true } }).title).toBe('4月到期的任务（2026-04-01 至 2026-04-30，1 项）');
    expect(ids(due('date', { date: { month: 3, day: null, inMonth: true } }))).toEqual(['5', '3', '4']);
  });

  it('due soon without a number uses the working-day window', () => {
    expect(due('days')).toMatchObject({ title: '即将到期的任务（3 个工作日内，3 项）' });
  });

  it('overdue by at least N days', () => {
    const a = ask({ kind: 'overdue', unit: null, minDays: 2 });
    expect(a).toMatchObject({ title: '逾期 2 天及以上的任务（2 项）', notice: '逾期任务共 3 项。' });
    expect(ids(a)).toEqual(['1', '6']);
  });
});
