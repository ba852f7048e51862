/** ISO local date arithmetic. Everything works on "YYYY-MM-DD" strings through UTC, so the server's TZ never matters. */
import type { IsoDate } from '../domain/types.js';
import { wallClock } from './zoned-time.js';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in "YYYY-MM-DD" form (rejects 2022-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Reports compute with the same few hundred dates again and again (every task against today): each is read once.
const utcMs = new Map<IsoDate, number>();
const UTC_MS_LIMIT = 10_000;

function toUtcMs(date: IsoDate): number {
  let ms = utcMs.get(date);
  if (ms === undefined) {
    if (utcMs.size >= UTC_MS_LIMIT) utcMs.clear();
    ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    utcMs.set(date, ms);
  }
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  const dt = new Date(ms);
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The last day of the date's month. */
export function monthEnd(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number);
  return ymd(y, m, daysInMonth(y, m));
}

/** Today's date in the given timezone for the instant `now`. */
export function todayIn(timezoneName: string = DEFAULT_TIMEZONE, now: Date = new Date()): IsoDate {
  return wallClock(now, timezoneName).date;
}

/** Excel / Sheets serial day number (1900 date system, days since 1899-12-30) to an ISO date. */
export function fromSerial(serial: number): IsoDate {
  return fromUtcMs(Date.UTC(1899, 11, 30) + Math.floor(serial) * DAY_MS);
}

/** ISO date to an Excel / Sheets serial day number. */
export function toSerial(date: IsoDate): number {
  return Math.round((toUtcMs(date) - Date.UTC(1899, 11, 30)) / DAY_MS);
}

