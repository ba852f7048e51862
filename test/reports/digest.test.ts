import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/reports/digest.js';
import { digestToJson } from '../../src/reports/digest-json.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { makeLedger } from '../support/make-task.js';
import { sampleLedger, TODAY } from './sample-ledger.js';

const digest = () => buildDigest(sampleLedger(), TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS);
const ids = (views: { task: { id: string } }[]) => views.map((v) => v.task.id);

describe('buildDigest', () => {
  it('counts tasks per state and the completion rate', () => {
    const d = digest();
    expect(d).toMatchObject({ date: TODAY, total: 11, done: 1, inProgress: 7, notStarted: 2, paused: 1, completionRate: 9.1 });
    expect(d.lights).toEqual({ red: 1, yellow: 3, blue: 3, green: 4 });
  });

  it('lists overdue most days first, due soon soonest first, behind and escalations', () => {
    const d = digest();
    expect(ids(d.overdue)).toEqual(['1', '6', '2']);
    expect(ids(d.dueSoon)).toEqual(['5', '3', '4']);
    expect(ids(d.behind)).toEqual(['10']);
    expect(ids(d.escalate)).toEqual(['1']);
  });

  it('counts a task with two lead units for each, most overdue units first', () => {
    const units = digest().units;
    expect(units.map((u) => [u.unit, u.lead, u.done, u.overdue])).toEqual([
      ['区交通局', 4, 1, 2],
      ['区城管局', 3, 0, 1],
      ['区林业局', 2, 0, 1],
      ['双江镇', 3, 0, 0],
    ]);
    expect(units.find((u) => u.unit === '双江镇')).toMatchObject({ paused: 1, dueSoon: 1, inProgress: 2 });
  });

  it('groups tasks by category, uncategorised ones under 未分类', () => {
    expect(digest().categories).toEqual([
      { category: '基础设施', total: 2, done: 0, overdue: 2 },
      { category: '未分类', total: 7, done: 1, overdue: 1 },
      { category: '双拥', total: 2, done: 0, overdue: 0 },
    ]);
  });

  it('counts sheet problems by severity', () => {
    expect(digest().problems).toMatchObject({ errors: 1, warnings: 1 });
  });

  it('describes changes since the previous digest with task titles', () => {
    const d = buildDigest(sampleLedger(), TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS, {
      since: '2026-03-03',
      newlyDone: ['7'],
      newlyOverdue: ['2'],
      statusChanged: [{ id: '3', from: 'not_started', to: 'in_progress' }],
      progressChanged: [{ id: '3', from: null, to: 60 }],
      stale: [{ id: '404', updated: null, workdaysSinceUpdate: 12 }],
    });
    expect(d.changes?.items).toEqual([
      { kind: 'done', id: '7', title: '桥梁检测', detail: '新完成' },
      { kind: 'overdue', id: '2', title: '联合执法', detail: '新逾期' },
      { kind: 'status', id: '3', title: '公交线路优化', detail: '状态 未开始 → 进行中' },
      { kind: 'progress', id: '3', title: '公交线路优化', detail: '进度 未填 → 60%' },
      { kind: 'stale', id: '404', title: '（已不在台账中）', detail: '12 个工作日未更新' },
    ]);
    expect(digest().changes).toBeNull();
  });

  it('handles an empty ledger', () => {
    const d = buildDigest(makeLedger([]), TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(d).toMatchObject({ total: 0, completionRate: 0, overdue: [], units: [] });
  });
});

describe('digestToJson', () => {
  it('has exactly the documented fields with ids, plus extras', () => {
    const json = digestToJson(digest());
    expect(Object.keys(json).slice(0, 9)).toEqual(['date', 'total', 'done', 'inProgress', 'notStarted', 'overdue', 'dueSoon', 'units', 'problems']);
    expect(json).toMatchObject({ date: TODAY, total: 11, done: 1, inProgress: 7, notStarted: 2, overdue: ['1', '6', '2'], dueSoon: ['5', '3', '4'] });
    expect((json.units as Record<string, unknown>[])[0]).toMatchObject({ unit: '区交通局', lead: 4, done: 1, overdue: 2 });
    expect((json.problems as Record<string, unknown>[])[0]).toEqual({ row: 3, column: '截止日期', severity: 'error', code: 'bad_date', message: '无法识别的日期' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
