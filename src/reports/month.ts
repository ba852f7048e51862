/** A calendar month of the reports ("YYYY-MM"): its days, the day progress reports are due (催报), and which month a date is in. */
import { addDays, isIsoDate, monthEnd, ymd } from '../calendar/dates.js';
import type { IsoDate, WorkCalendar } from '../domain/types.js';

/** "2026-03" for a date in March 2026. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** True for "YYYY-MM" with a real month. */
export function isMonth(text: string): boolean {
  return /^\d{4}-\d{2}$/.test(text) && isIsoDate(`${text}-01`);
}

/** The first and last day of a month. */
export function monthDays(month: string): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  return { first, last: monthEnd(first) };
}

/** The month before ("2026-01" → "2025-12"). */
export function previousMonth(month: string): string {
  return monthOf(addDays(`${month}-01`, -1));
}

/** The 催报 day of a month: `day` of that month, moved back to the working day before it when it is not one. */
export function collectDate(month: string, day: number, calendar: WorkCalendar): IsoDate {
  const [y, m] = month.split('-').map(Number);
  let date = ymd(y, m, day);
  // Bounded: a month has working days; the guard only keeps a broken calendar from looping.
  for (let i = 0; i < 31 && !calendar.isWorkday(date); i++) date = addDays(date, -1);
  return date;
}

/** The 催报 day scores count from when collect.day is not set. */
export const DEFAULT_COLLECT_DAY = 25;
