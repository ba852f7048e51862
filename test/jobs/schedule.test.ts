import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { wallClock } from '../../src/calendar/zoned-time.js';
import { configSchema } from '../../src/config/schema.js';
import { jitterMinutes, scheduleRuns } from '../../src/jobs/schedule.js';
import { renderScheduleText } from '../../src/jobs/schedule-text.js';

const config = configSchema.parse({ sheet: 'tasks.csv' });
const calendar = createWorkCalendar();
const datesOf = (runs: { job: string; date: string }[], job: string) => runs.filter((r) => r.job === job).map((r) => r.date);

describe('scheduleRuns', () => {
  it('runs on the 2026 Spring Festival make-up Saturdays and not during the holiday', () => {
    const { runs } = scheduleRuns({ from: '2026-02-12', days: 18, config, calendar });
    // 2/15–2/23 off; Saturdays 2/14 and 2/28 are make-up working days; Sunday 3/1 is off.
    const workdays = ['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'];
    expect(datesOf(runs, 'digest')).toEqual(workdays);
    expect(datesOf(runs, 'remind')).toEqual(workdays);
    // Friday 2/13 is a working day; the week of 2/20 is entirely off, so it has no weekly summary.
    expect(datesOf(runs, 'weekly')).toEqual(['2026-02-13', '2026-02-27']);
  });

  it('gives right local times with the +08:00 offset, jittered away from :00 and :30', () => {
    const { runs } = scheduleRuns({ from: '2026-02-12', days: 18, config, calendar });
    for (const run of runs) {
      expect(run.at).toBe(`${run.date}T${run.time}:00+08:00`);
      expect(wallClock(new Date(run.at), 'Asia/Shanghai')).toEqual({ date: run.date, time: run.time });
      const minute = Number(run.time.slice(3));
      const base = { digest: '09:00', remind: '09:30', weekly: '16:00', monthly: '09:00', collect: '09:30' }[run.job];
      expect(run.time.slice(0, 2)).toBe(base.slice(0, 2));
      expect(minute - Number(base.slice(3))).toBe(jitterMinutes(run.job, run.date));
    }
    const saturday = runs.find((r) => r.job === 'digest' && r.date === '2026-02-14');
    expect(new Date(saturday!.at).toISOString()).toBe(`2026-02-14T01:0${jitterMinutes('digest', '2026-02-14')}:00.000Z`);
  });

  it('keeps the jitter between 1 and 4 minutes and the same on every call', () => {
    const minutes = new Set<number>();
    for (let day = 1; day <= 28; day += 1) minutes.add(jitterMinutes('digest', `2026-03-${String(day).padStart(2, '0')}`));
    expect([...minutes].sort()).toEqual([1, 2, 3, 4]);
    expect(scheduleRuns({ from: '2026-03-01', days: 14, config, calendar })).toEqual(scheduleRuns({ from: '2026-03-01', days: 14, config, calendar }));
  });

  it('moves the weekly summary off a holiday Friday to the last working day of that week', () => {
    const { runs } = scheduleRuns({ from: '2026-09-28', days: 14, config, calendar });
    const weekly = runs.filter((r) => r.job === 'weekly');
    expect(weekly.map((r) => [r.date, r.movedFrom])).toEqual([
      ['2026-09-30', '2026-10-02'],
      ['2026-10-09', undefined],
    ]);
    expect(datesOf(runs, 'digest')).toContain('2026-10-10'); // make-up Saturday
    // Planning from the moved day alone still finds it.
    expect(datesOf(scheduleRuns({ from: '2026-09-30', days: 1, config, calendar }).runs, 'weekly')).toEqual(['2026-09-30']);
    expect(renderScheduleText(scheduleRuns({ from: '2026-09-30', days: 1, config, calendar }))).toContain('周调度（由 2026-10-02 调整）');
  });

  it('runs the monthly notice on the first working day of each month', () => {
    const { runs } = scheduleRuns({ from: '2026-01-01', days: 365, config, calendar });
    const monthly = runs.filter((r) => r.job === 'monthly').map((r) => [r.date, r.movedFrom ?? null]);
    // 1–3 Jan are New Year (Sunday 4 Jan is a make-up working day); 1 Feb and 1 Mar are Sundays; 1 May is Labour Day
    // (to 5 May); 1 Aug and 1 Nov are weekend days; 1 Oct is National Day (to 7 Oct).
    expect(monthly).toEqual([
      ['2026-01-04', '2026-01-01'], ['2026-02-02', '2026-02-01'], ['2026-03-02', '2026-03-01'], ['2026-04-01', null],
      ['2026-05-06', '2026-05-01'], ['2026-06-01', null], ['2026-07-01', null], ['2026-08-03', '2026-08-01'],
      ['2026-09-01', null], ['2026-10-08', '2026-10-01'], ['2026-11-02', '2026-11-01'], ['2026-12-01', null],
    ]);
  });

  it('leaves out runs outside the send window and honours the configured timezone', () => {
    const late = configSchema.parse({ sheet: 'x', sendWindow: { start: '08:00', end: '09:02' } });
    const { runs } = scheduleRuns({ from: '2026-03-02', days: 5, config: late, calendar });
    expect(runs.every((r) => r.job === 'digest' && r.time < '09:02')).toBe(true);
    const utc = configSchema.parse({ sheet: 'x', timezone: 'UTC' });
    expect(scheduleRuns({ from: '2026-03-02', days: 1, config: utc, calendar }).runs[0].at).toMatch(/^2026-03-02T09:0\d:00\+00:00$/);
  });

  it('renders the schedule as Chinese text with notices first', () => {
    const schedule = scheduleRuns({ from: '2026-02-13', days: 2, config, calendar });
    const text = renderScheduleText(schedule, ['2027年放假安排尚未发布，暂按周末计算']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('提示：2027年放假安排尚未发布，暂按周末计算');
    expect(lines[1]).toMatch(/^2026-02-13 周五 {2}09:0\d 每日简报 {2}09:3\d 催办提醒 {2}16:0\d 周调度$/);
    expect(lines[2]).toMatch(/^2026-02-14 周六 {2}09:0\d 每日简报 {2}09:3\d 催办提醒$/);
    expect(renderScheduleText(scheduleRuns({ from: '2026-02-16', days: 5, config, calendar }))).toMatch(/没有安排发送/);
  });
});

describe('the monthly collection (催报) in the schedule', () => {
  const collecting = configSchema.parse({ sheet: 'tasks.csv', collect: { day: 25 } });
  it('runs at the reminders\' time on collect.day, moved back to the working day before when it is a day off', () => {
    const collect = (from: string, days: number) => scheduleRuns({ from, days, config: collecting, calendar }).runs.filter((r) => r.job === 'collect');
    // 2026-03-25 is a Wednesday: it runs on the day.
    expect(collect('2026-03-01', 31).map((r) => r.date)).toEqual(['2026-03-25']);
    // 2026-07-25 is a Saturday: the Friday before.
    expect(collect('2026-07-01', 31).map((r) => [r.date, r.time.slice(0, 2)])).toEqual([['2026-07-24', '09']]);
    expect(datesOf(scheduleRuns({ from: '2026-07-01', days: 31, config, calendar }).runs, 'collect')).toEqual([]);
  });
});
