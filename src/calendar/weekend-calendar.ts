/** Work calendars from a predicate, and the weekend-only calendar tests use. */
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import { addDays, weekday } from './dates.js';

/** Builds a WorkCalendar from a predicate; shared by the weekend-only and the Chinese-holiday calendars. */
export function calendarFrom(isWorkday: (date: IsoDate) => boolean): WorkCalendar {
  return {
    isWorkday,
    addWorkdays(date, n) {
      let current = date;
      while (!isWorkday(current)) current = addDays(current, 1);
      let left = n;
      while (left > 0) {
        current = addDays(current, 1);
        if (isWorkday(current)) left -= 1;
      }
      return current;
    },
    workdaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) count += 1;
      return count;
    },
  };
}

/** Monday to Friday are working days. The Chinese holiday calendar (src/calendar/chinese-calendar.ts) replaces it in the service. */
export const weekendCalendar: WorkCalendar = calendarFrom((date) => {
  const day = weekday(date);
  return day !== 0 && day !== 6;
});
