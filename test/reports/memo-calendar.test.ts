import { describe, expect, it } from 'vitest';
import { memoCalendar } from '../../src/reports/memo-calendar.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { addDays } from '../../src/calendar/dates.js';

describe('memoCalendar', () => {
  it('counts working days exactly like the calendar it wraps, in any order of questions', () => {
    const memo = memoCalendar(weekendCalendar);
    const pairs: [string, string][] = [];
    for (let i = 0; i < 60; i += 7) for (let j = -20; j < 40; j += 3) pairs.push([addDays('2026-03-04', i), addDays('2026-03-04', j)]);
    for (const [from, to] of [...pairs, ...pairs.map(([a, b]) => [b, a] as [string, string])]) {
      expect(memo.workdaysBetween(from, to)).toBe(weekendCalendar.workdaysBetween(from, to));
    }
  });

  it('looks each day up once', () => {
    let lookups = 0;
    const memo = memoCalendar({ ...weekendCalendar, isWorkday: (d) => (lookups++, weekendCalendar.isWorkday(d)) });
    memo.workdaysBetween('2026-03-01', '2026-03-31');
    memo.workdaysBetween('2026-03-05', '2026-03-20');
    memo.workdaysBetween('2026-02-20', '2026-03-10');
    expect(lookups).toBe(39); // 2026-02-20 … 2026-03-31, each once (the first day of a range costs nothing)
  });
});
