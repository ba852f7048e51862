import { describe, expect, it } from 'vitest';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { classifyTasks } from '../../src/reports/classify.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { scoreUnits, type ScoreInputs } from '../../src/reports/scores.js';
import type { AckRecord, ReminderRecord, RequestRecord } from '../../src/store/records.js';
import { makeTask } from '../support/make-task.js';

// March 2026 on a Monday–Friday calendar: the 1st is a Sunday, the 催报 day 25 a Wednesday, the 31st a Tuesday.
const ASOF = '2026-03-31';
const WEIGHTS = { onTime: 40, overdue: 30, extensions: 10, reports: 10, ack: 10 };

const tasks = [
  makeTask({ id: '1', lead: ['区甲局'], due: '2026-03-10', status: 'done', closed: '2026-03-09', updated: '2026-03-20' }),
  // Extended from 03-05 to 03-20 and closed on 03-18: late against the original deadline.
  makeTask({ id: '2', lead: ['区甲局'], due: '2026-03-20', originalDue: '2026-03-05', extensions: 1, status: 'done', closed: '2026-03-18' }),
  makeTask({ id: '3', lead: ['区甲局'], due: '2026-04-30', updated: '2026-03-20' }),
  makeTask({ id: '4', lead: ['区乙局'], due: '2026-03-17', progress: 50 }),
  makeTask({ id: '5', lead: ['区乙局'], due: '2026-03-31', updated: '2026-03-26' }),
  makeTask({ id: '6', lead: ['区丙局'], due: '2026-06-30', updated: '2026-03-10' }),
  makeTask({ id: '7', lead: ['区丁局'], due: '2026-06-30' }),
  makeTask({ id: '8', lead: ['区戊局'], due: '2026-06-30', updated: '2026-03-05' }),
  // A joint task, done before the month: it counts for both lead units.
  makeTask({ id: '9', lead: ['区甲局', '区戊局'], due: '2026-02-28', status: 'done', closed: '2026-02-20' }),
  makeTask({ id: '10', lead: ['区乙局'], due: '2026-03-02', status: 'paused' }),
];

const reminder = (taskId: string, unit: string, at: string): ReminderRecord => ({
  taskId, unit, chat: 'oc_x', mentions: [], kind: 'overdue', date: at.slice(0, 10), job: 'remind', outcome: 'sent', messageId: 'om_1', at,
});
const ack = (taskId: string, unit: string, at: string): AckRecord => ({ taskId, unit, by: '联络员', byAccount: null, at });
const request = (fields: Partial<RequestRecord> & Pick<RequestRecord, 'kind' | 'taskId' | 'unit' | 'at'>): RequestRecord => ({
  id: 'R1', by: '联络员', byAccount: null, status: 'pending', evidence: [], ...fields,
});

function inputs(overrides: Partial<ScoreInputs> = {}): ScoreInputs {
  const asOf = overrides.asOf ?? ASOF;
  return {
    month: '2026-03',
    asOf,
    views: classifyTasks(tasks, asOf, weekendCalendar, DEFAULT_REPORT_OPTIONS),
    snapshots: [],
    requests: [request({ kind: 'progress', taskId: '7', unit: '区丁局', at: '2026-03-24T02:00:00Z' })],
    acks: [ack('4', '区乙局', '2026-03-18T07:05:00Z'), ack('8', '区戊局', '2026-03-06T02:00:00Z')],
    reminders: [
      reminder('4', '区乙局', '2026-03-18T01:05:00Z'),
      reminder('7', '区丁局', '2026-03-02T01:03:00Z'),
      reminder('8', '区戊局', '2026-03-03T01:00:00Z'),
    ],
    calendar: weekendCalendar,
    collectDay: 25,
    weights: WEIGHTS,
    timezone: 'Asia/Shanghai',
    ...overrides,
  };
}

describe('scoreUnits', () => {
  it('scores a month by the documented rules and ranks units, equal scores sharing a rank', () => {
    const scores = scoreUnits(inputs());
    expect(scores.collectDate).toBe('2026-03-25');
    expect(scores.reportsDue).toBe(true);
    expect(scores.units.map((u) => [u.rank, u.unit, u.score])).toEqual([
      [1, '区丙局', 100],
      [2, '区丁局', 90],
      [2, '区戊局', 90],
      [4, '区甲局', 84.2],
      [5, '区乙局', 44.2],
    ]);
    const byUnit = new Map(scores.units.map((u) => [u.unit, u]));
    // 区甲局: 4 tasks, 3 done, 2 on time (#2 finished after its original deadline), 1 extension, #3 reported on 03-20.
    expect(byUnit.get('区甲局')).toMatchObject({
      lead: 4, done: 3, doneOnTime: 2, dueTasks: 3, overdue: 0, overdueWorkdays: 0, extensions: 1, expectedReports: 1, missedReports: 0,
      reminded: 0, ackHours: null, points: { onTime: 26.7, overdue: 30, extensions: 7.5, reports: 10, ack: 10 },
    });
    // 区乙局: #4 overdue 10 working days (03-18 … 03-31), #5 reported only after the 催报 day, #10 paused; 签收 after 6 hours.
    expect(byUnit.get('区乙局')).toMatchObject({
      lead: 3, done: 0, doneOnTime: 0, dueTasks: 1, overdue: 1, overdueWorkdays: 10, extensions: 0, expectedReports: 2, missedReports: 2,
      reminded: 1, ackHours: 6, points: { onTime: 0, overdue: 25, extensions: 10, reports: 0, ack: 9.2 },
    });
    // 区丁局 reported by a request in chat but never acknowledged its reminder; 区戊局 acknowledged after 73 hours (capped at 72).
    expect(byUnit.get('区丁局')).toMatchObject({ missedReports: 0, reminded: 1, ackHours: 72, points: { onTime: 40, overdue: 30, extensions: 10, reports: 10, ack: 0 } });
    expect(byUnit.get('区戊局')).toMatchObject({ lead: 2, done: 1, doneOnTime: 1, ackHours: 72, points: { ack: 0 } });
  });

  it('counts no missed report before the 催报 day', () => {
    const scores = scoreUnits(inputs({ asOf: '2026-03-20' }));
    expect(scores.reportsDue).toBe(false);
    expect(scores.units.every((u) => u.expectedReports === 0 && u.missedReports === 0 && u.points.reports === 10)).toBe(true);
  });

  it('moves the 催报 day back to a working day and takes an extension and a completion from the store', () => {
    const extended = makeTask({ id: '20', lead: ['区己局'], due: '2026-03-27', status: 'done' });
    const requests = [
      request({ kind: 'extend', taskId: '20', unit: '区己局', at: '2026-03-02T02:00:00Z', status: 'approved', oldDue: '2026-03-13', newDue: '2026-03-27', decidedAt: '2026-03-03T02:00:00Z' }),
      request({ kind: 'complete', taskId: '20', unit: '区己局', at: '2026-03-15T02:00:00Z', status: 'approved', decidedAt: '2026-03-16T02:00:00Z' }),
    ];
    // collect.day 29 is a Sunday: reports are due on Friday 03-27.
    const scores = scoreUnits(inputs({ views: classifyTasks([extended], ASOF, weekendCalendar, DEFAULT_REPORT_OPTIONS), requests, collectDay: 29 }));
    expect(scores.collectDate).toBe('2026-03-27');
    // Done on 03-16 (the completion's approval), after the original 03-13: not on time; one extension from the store.
    expect(scores.units[0]).toMatchObject({ unit: '区己局', done: 1, doneOnTime: 0, extensions: 1, expectedReports: 0 });
  });

  it('dates a completion by the first snapshot that shows it done when the ledger has no 办结时间', () => {
    const task = makeTask({ id: '30', lead: ['区庚局'], due: '2026-03-10', status: 'done' });
    const snapshot = (date: string, status: 'in_progress' | 'done') => ({ date, tasks: { '30': { status, progress: null, due: '2026-03-10', noteHash: '', updated: null } } });
    const score = (snapshots: ReturnType<typeof snapshot>[]) =>
      scoreUnits(inputs({ views: classifyTasks([task], ASOF, weekendCalendar, DEFAULT_REPORT_OPTIONS), snapshots })).units[0].doneOnTime;
    expect(score([snapshot('2026-03-09', 'in_progress'), snapshot('2026-03-12', 'done'), snapshot('2026-03-13', 'done')])).toBe(0);
    expect(score([snapshot('2026-03-10', 'done')])).toBe(1);
    // No record of when: counted on time.
    expect(score([])).toBe(1);
  });
});
