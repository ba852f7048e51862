import type { IsoDate, WorkCalendar } from '../domain/types.js';

/**
 * Wraps a calendar so repeated `workdaysBetween` calls are answered from a cache: ledgers share a few
 * dozen due dates across thousands of tasks, and counting working days walks the days one by one.
 */
export function memoCalendar(calendar: WorkCalendar): WorkCalendar {
  const between = new Map<string, number>();
  return {
    isWorkday: (date) => calendar.isWorkday(date),
    addWorkdays: (date, n) => calendar.addWorkdays(date, n),
    workdaysBetween(from: IsoDate, to: IsoDate) {
      const key = `${from}|${to}`;
      let count = between.get(key);
      if (count === undefined) {
        count = calendar.workdaysBetween(from, to);
        between.set(key, count);
      }
      return count;
    },
  };
}
