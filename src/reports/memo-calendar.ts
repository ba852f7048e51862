/** A work calendar that remembers its answers, for reports that ask about the same days many times. */
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import { addDays } from '../calendar/dates.js';

/**
 * Wraps a calendar so `workdaysBetween` is answered from running totals: each day's working/non-working
 * status is looked up once, and any count is then a subtraction (classifying thousands of tasks stays linear).
 */
export function memoCalendar(calendar: WorkCalendar): WorkCalendar {
  // totals.get(d) = working days in (first, d], where `first` is the earliest day covered so far (may go negative).
  const totals = new Map<IsoDate, number>();
  let low: IsoDate | null = null;
  let high: IsoDate | null = null;
  const workday = (date: IsoDate) => (calendar.isWorkday(date) ? 1 : 0);
  const total = (date: IsoDate): number => {
    if (low === null || high === null) {
      low = high = date;
      totals.set(date, 0);
    }
    while (date > high) {
      const next = addDays(high, 1);
      totals.set(next, (totals.get(high) ?? 0) + workday(next));
      high = next;
    }
    while (date < low) {
      const previous = addDays(low, -1);
      totals.set(previous, (totals.get(low) ?? 0) - workday(low));
      low = previous;
    }
    return totals.get(date) ?? 0;
  };
  return {
    isWorkday: (date) => calendar.isWorkday(date),
    addWorkdays: (date, n) => calendar.addWorkdays(date, n),
    workdaysBetween: (from, to) => (to <= from ? 0 : total(to) - total(from)),
  };
}
