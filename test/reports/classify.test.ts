import { describe, expect, it } from 'vitest';
import { classifyTask, classifyTasks } from '../../src/reports/classify.js';
import { DEFAULT_REPORT_OPTIONS, resolveOptions } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { makeTask } from '../support/make-task.js';

const WED = '2026-03-04'; // a Wednesday
const classify = (fields: Parameters<typeof makeTask>[0], today = WED) =>
  classifyTask(makeTask(fields), today, weekendCalendar, DEFAULT_REPORT_OPTIONS);

describe('resolveOptions', () => {
  it('fills missing thresholds with the defaults', () => {
    expect(DEFAULT_REPORT_OPTIONS).toEqual({ dueSoonWorkdays: 3, behindPoints: 10, redBehindPoints: 30, escalateAfterWorkdays: 5, redOverdueWorkdays: 5 });
    expect(resolveOptions({ dueSoonWorkdays: 5, behindPoints: undefined })).toEqual({ ...DEFAULT_REPORT_OPTIONS, dueSoonWorkdays: 5 });
    expect(resolveOptions()).toEqual(DEFAULT_REPORT_OPTIONS);
  });
});

describe('classifyTask: deadlines', () => {
  it('is overdue the day after the due date, yellow, counted in calendar and working days', () => {
    const v = classify({ id: '1', due: '2026-03-03' });
    expect(v).toMatchObject({ overdue: true, daysOverdue: 1, workdaysOverdue: 1, light: 'yellow', dueSoon: false, workdaysLeft: null });
  });

  it('is red only when overdue by more than redOverdueWorkdays working days', () => {
    const today = '2026-03-11';
    expect(classify({ id: '1', due: '2026-03-04' }, today)).toMatchObject({ workdaysOverdue: 5, light: 'yellow' });
    expect(classify({ id: '1', due: '2026-03-03' }, today)).toMatchObject({ workdaysOverdue: 6, light: 'red' });
    const strict = classifyTask(makeTask({ id: '1', due: '2026-03-04' }), today, weekendCalendar, { ...DEFAULT_REPORT_OPTIONS, redOverdueWorkdays: 4 });
    expect(strict.light).toBe('red');
  });

  it('counts only working days over a weekend', () => {
    const v = classify({ id: '1', due: '2026-02-27' }, '2026-03-02'); // Friday → Monday
    expect(v).toMatchObject({ overdue: true, daysOverdue: 3, workdaysOverdue: 1 });
  });

  it('is due soon, blue, on the due day itself with 0 working days left', () => {
    expect(classify({ id: '1', due: WED })).toMatchObject({ overdue: false, dueSoon: true, workdaysLeft: 0, light: 'blue' });
  });

  it('is due soon up to dueSoonWorkdays working days ahead, weekends skipped', () => {
    expect(classify({ id: '1', due: '2026-03-09' })).toMatchObject({ dueSoon: true, workdaysLeft: 3, light: 'blue' }); // Thu Fri Mon
    expect(classify({ id: '1', due: '2026-03-10' })).toMatchObject({ dueSoon: false, workdaysLeft: 4, light: 'green' });
    expect(classify({ id: '1', due: '2026-03-07' })).toMatchObject({ dueSoon: true, workdaysLeft: 2 }); // a Saturday
  });

  it('escalates only when overdue by more than escalateAfterWorkdays working days', () => {
    const today = '2026-03-11';
    expect(classify({ id: '1', due: '2026-03-04' }, today)).toMatchObject({ workdaysOverdue: 5, escalate: false });
    expect(classify({ id: '1', due: '2026-03-03' }, today)).toMatchObject({ workdaysOverdue: 6, escalate: true });
  });

  it('never marks done, paused or ongoing tasks overdue or due soon', () => {
    for (const fields of [{ status: 'done' as const }, { status: 'paused' as const }, { ongoing: true }]) {
      expect(classify({ id: '1', due: '2026-01-05', ...fields })).toMatchObject({ overdue: false, dueSoon: false, escalate: false, light: 'green' });
      expect(classify({ id: '1', due: WED, ...fields })).toMatchObject({ dueSoon: false, workdaysLeft: null });
    }
  });

  it('uses the next occurrence of a recurring deadline when the due date is empty', () => {
    const v = classify({ id: '1', recurring: '每月25日前' }, '2026-03-23');
    expect(v).toMatchObject({ due: '2026-03-25', dueSoon: true, workdaysLeft: 2, overdue: false });
    expect(classify({ id: '1', recurring: '每季度末' })).toMatchObject({ due: '2026-03-31', dueSoon: false });
  });

  it('has no due date and stays green without one', () => {
    expect(classify({ id: '1' })).toMatchObject({ due: null, overdue: false, dueSoon: false, workdaysLeft: null, light: 'green' });
  });
});

describe('classifyTask: behind the time-proportional progress', () => {
  const window = { start: '2026-03-01', due: '2026-03-31' }; // 30 days; 2026-03-16 is half-way
  const at = (progress: number | null) => classify({ id: '1', ...window, progress }, '2026-03-16');

  it('computes the elapsed share of the start–due window', () => {
    expect(at(50).expectedProgress).toBe(50);
    expect(classify({ id: '1', ...window }, '2026-02-01').expectedProgress).toBe(0);
  });

  it('is behind (yellow) from behindPoints points behind, red only beyond redBehindPoints', () => {
    expect(at(41)).toMatchObject({ behind: false, lag: 9, light: 'green' });
    expect(at(40)).toMatchObject({ behind: true, lag: 10, light: 'yellow' });
    expect(at(20)).toMatchObject({ behind: true, lag: 30, light: 'yellow' });
    expect(at(19)).toMatchObject({ behind: true, lag: 31, light: 'red' });
  });

  it('is never behind without progress or without a start date', () => {
    expect(at(null)).toMatchObject({ behind: false, expectedProgress: 50, lag: null });
    expect(classify({ id: '1', due: '2026-03-31', progress: 0 }, '2026-03-16')).toMatchObject({ behind: false, expectedProgress: null });
  });
});

describe('classifyTasks', () => {
  it('classifies every task in order, like classifyTask one by one', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => makeTask({ id: String(i + 1), due: `2026-0${1 + (i % 6)}-1${i % 10}` }));
    const views = classifyTasks(tasks, WED, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(views).toHaveLength(10_000);
    for (const i of [0, 4_321, 9_999]) expect(views[i]).toEqual(classifyTask(tasks[i], WED, weekendCalendar, DEFAULT_REPORT_OPTIONS));
  });
});
