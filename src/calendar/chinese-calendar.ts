/**
 * The Chinese work calendar: public holidays off, make-up working days (调休/补班) on, office overrides on top.
 * Data comes from the `chinese-days` package's published JSON. Its isWorkday()/isHoliday() functions are not
 * used because they read dates in the server's timezone: under TZ=America/New_York, isWorkday('2026-03-02')
 * (a Monday) answers false. The JSON is keyed by plain "YYYY-MM-DD" strings, so lookups are timezone-free.
 */
import { createRequire } from 'node:module';
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import { addDays, weekday } from './dates.js';
import { calendarFrom } from './weekend-calendar.js';

/** The package's data: date → "English name,中文名,days" for holidays, make-up working days and in-lieu days. */
interface HolidayData {
  holidays: Record<IsoDate, string>;
  workdays: Record<IsoDate, string>;
  inLieuDays: Record<IsoDate, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayData;

/** Years with a published schedule: every such year has at least one holiday (元旦) in the data. */
const knownYears = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));

/** Local days off and extra working days an office adds on top of the national schedule. */
export interface CalendarOverrides {
  daysOff: IsoDate[];
  workdays: IsoDate[];
}

export interface ChineseWorkCalendar extends WorkCalendar {
  /** Years in [from, to] for which the library has no holiday schedule (weekends are used instead). */
  unknownYears(from: IsoDate, to: IsoDate): number[];
  /** True when the national holiday schedule of this year is known. */
  knowsYear(year: number): boolean;
  /** The holiday or make-up day name ("春节"), or null for an ordinary day. */
  dayName(date: IsoDate): string | null;
}

/** The office notice for a year without a published schedule. */
export function unknownYearNotice(year: number): string {
  return `${year}年放假安排尚未发布，暂按周末计算`;
}

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** Builds the work calendar: overrides win, then the national schedule, then weekends. */
export function createWorkCalendar(options: { overrides?: CalendarOverrides } = {}): ChineseWorkCalendar {
  const daysOff = new Set(options.overrides?.daysOff ?? []);
  const extraWorkdays = new Set(options.overrides?.workdays ?? []);
  const isWorkday = (date: IsoDate): boolean => {
    if (daysOff.has(date)) return false;
    if (extraWorkdays.has(date)) return true;
    if (data.workdays[date]) return true;
    if (data.holidays[date]) return false;
    return !isWeekend(date);
  };
  const knowsYear = (year: number) => knownYears.has(year);
  return {
    ...calendarFrom(isWorkday),
    knowsYear,
    unknownYears(from, to) {
      const years: number[] = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
        if (!knowsYear(year)) years.push(year);
      }
      return years;
    },
    dayName(date) {
      const entry = data.workdays[date] ?? data.holidays[date];
      return entry ? (entry.split(',')[1] ?? null) : null;
    },
  };
}

/** The last working day of the Monday–Sunday week that contains `date`, or null when the whole week is off. */
export function lastWorkdayOfWeek(calendar: WorkCalendar, date: IsoDate): IsoDate | null {
  const sunday = addDays(date, (7 - weekday(date)) % 7);
  for (let d = sunday, i = 0; i < 7; d = addDays(d, -1), i += 1) if (calendar.isWorkday(d)) return d;
  return null;
}
