import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/dates.js';
import { createWorkCalendar, lastWorkdayOfWeek, unknownYearNotice } from '../../src/calendar/chinese-calendar.js';

const calendar = createWorkCalendar();

/** The first year after 2026 without a published schedule in the installed chinese-days data. */
function firstUnknownYear(): number {
  let year = 2026;
  while (calendar.knowsYear(year)) year += 1;
  return year;
}

describe('createWorkCalendar', () => {
  it('follows the 2026 Spring Festival: Feb 15–23 off, make-up Saturdays Feb 14 and Feb 28 on', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(calendar.isWorkday(d), d).toBe(false);
    expect(calendar.isWorkday('2026-02-13')).toBe(true); // Friday before
    expect(calendar.isWorkday('2026-02-14')).toBe(true); // Saturday, 补班
    expect(calendar.isWorkday('2026-02-24')).toBe(true); // Tuesday after
    expect(calendar.isWorkday('2026-02-28')).toBe(true); // Saturday, 补班
    expect(calendar.isWorkday('2026-03-01')).toBe(false); // an ordinary Sunday
    expect(calendar.dayName('2026-02-14')).toBe('春节');
  });

  it('follows the 2026 National Day: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 on', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(calendar.isWorkday(d), d).toBe(false);
    expect(calendar.isWorkday('2026-09-20')).toBe(true);
    expect(calendar.isWorkday('2026-10-10')).toBe(true);
    expect(calendar.isWorkday('2026-10-11')).toBe(false);
  });

  it('counts working days across the holiday', () => {
    // Working days after Feb 13: Feb 14 (补班), then Feb 24.
    expect(calendar.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkdays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.workdaysBetween('2026-02-13', '2026-02-24')).toBe(2);
  });

  it('lets office overrides win over the national schedule', () => {
    const local = createWorkCalendar({ overrides: { daysOff: ['2026-06-01', '2026-02-14'], workdays: ['2026-06-06', '2026-02-16'] } });
    expect(local.isWorkday('2026-06-01')).toBe(false); // a Monday, local day off
    expect(local.isWorkday('2026-06-06')).toBe(true); // a Saturday, local working day
    expect(local.isWorkday('2026-02-14')).toBe(false); // 补班 cancelled locally
    expect(local.isWorkday('2026-02-16')).toBe(true); // holiday worked locally
    expect(calendar.isWorkday('2026-06-01')).toBe(true);
  });

  it('falls back to weekends for a year without a schedule, and says so', () => {
    const year = firstUnknownYear();
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(year)).toBe(false);
    expect(calendar.unknownYears('2026-12-01', `${year}-01-31`)).toEqual([year]);
    expect(calendar.unknownYears('2026-01-01', '2026-12-31')).toEqual([]);
    // New Year's Day of an unknown year is treated as an ordinary weekday or weekend day.
    const jan1 = `${year}-01-01`;
    const day = new Date(`${jan1}T00:00:00Z`).getUTCDay();
    expect(calendar.isWorkday(jan1)).toBe(day !== 0 && day !== 6);
    expect(unknownYearNotice(2027)).toBe('2027年放假安排尚未发布，暂按周末计算');
  });

  it('finds the last working day of a week', () => {
    expect(lastWorkdayOfWeek(calendar, '2026-10-02')).toBe('2026-09-30'); // National Day week: Wed
    expect(lastWorkdayOfWeek(calendar, '2026-02-15')).toBe('2026-02-14'); // week Mon 2/9–Sun 2/15: the make-up Saturday
    expect(lastWorkdayOfWeek(calendar, '2026-02-20')).toBeNull(); // week Mon 2/16–Sun 2/22: all Spring Festival
    expect(lastWorkdayOfWeek(calendar, '2026-03-06')).toBe('2026-03-06');
    const allOff = createWorkCalendar({ overrides: { daysOff: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'], workdays: [] } });
    expect(lastWorkdayOfWeek(allOff, '2026-03-06')).toBeNull();
  });
});
