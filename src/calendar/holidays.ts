/**
 * Public holidays by name ("国庆前", "before national day"): the next run of days off that contains the holiday, from the
 * national schedule; for a year without a published schedule, the fixed-date holidays fall back to their legal dates.
 */
import { createRequire } from 'node:module';
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import { addDays, ymd } from './dates.js';

/** The holidays people name, by the Chinese name the national schedule uses. */
export type HolidayName = '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆节';

/** Legal first days of the holidays fixed in the solar calendar (used when a year's schedule is unpublished). */
const FIXED: Partial<Record<HolidayName, [number, number]>> = { 元旦: [1, 1], 劳动节: [5, 1], 国庆节: [10, 1] };

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<IsoDate, string> };

/** A run of days off: its first and last day. */
export interface HolidayBlock {
  first: IsoDate;
  last: IsoDate;
}

/** The holiday's name in the schedule entry "National Day,国庆节,3". */
function nameOn(date: IsoDate): string | null {
  const entry = data.holidays[date];
  return entry ? (entry.split(',')[1] ?? null) : null;
}

/**
 * The next block of days off (on or after `from`) containing the named holiday, or the next holiday of any name
 * (`name` null, "节前"); extended over adjacent days off. Null when no schedule is known within a year and the
 * holiday has no fixed date.
 */
export function nextHoliday(name: HolidayName | null, from: IsoDate, calendar: WorkCalendar): HolidayBlock | null {
  const wanted = (date: IsoDate): boolean => {
    const found = nameOn(date);
    return found !== null && (name === null || found === name);
  };
  let day: IsoDate | null = null;
  for (let d = from, i = 0; i < 400; d = addDays(d, 1), i += 1) {
    if (wanted(d) && !wanted(addDays(d, -1))) {
      day = d;
      break;
    }
  }
  if (day === null) day = fixedDate(name, from);
  if (day === null) return null;
  let first = day;
  while (!calendar.isWorkday(addDays(first, -1)) && addDays(first, -1) >= from) first = addDays(first, -1);
  let last = day;
  while (!calendar.isWorkday(addDays(last, 1))) last = addDays(last, 1);
  return { first, last };
}

function fixedDate(name: HolidayName | null, from: IsoDate): IsoDate | null {
  const fixed = name ? FIXED[name] : undefined;
  if (!fixed) return null;
  const year = Number(from.slice(0, 4));
  const thisYear = ymd(year, fixed[0], fixed[1]);
  return thisYear >= from ? thisYear : ymd(year + 1, fixed[0], fixed[1]);
}
