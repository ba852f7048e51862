/**
 * Wall-clock time in a named timezone, through Intl only: the server's own TZ never enters.
 * (dayjs' timezone plugin mis-formats some instants when the server observes DST, so it is not used here.)
 */
import type { IsoDate } from '../domain/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** The local date and "HH:MM" time of an instant in `timezone`. */
export function wallClock(instant: Date, timezone: string): { date: IsoDate; time: string } {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes the timezone is ahead of UTC at this instant (+480 for Asia/Shanghai). */
export function offsetMinutes(instant: Date, timezone: string): number {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a local date and "HH:MM" time in `timezone`. */
export function zonedInstant(date: IsoDate, time: string, timezone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetMinutes(new Date(guess), timezone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), timezone) * 60_000);
}

/** ISO 8601 with the zone's offset: "2026-02-14T09:03:00+08:00". */
export function zonedIso(date: IsoDate, time: string, timezone: string): string {
  const offset = offsetMinutes(zonedInstant(date, time, timezone), timezone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "HH:MM" plus a number of minutes (no day wrap: schedules stay inside the day's send window). */
export function addMinutes(time: string, minutes: number): string {
  const [hh, mm] = time.split(':').map(Number);
  const total = hh * 60 + mm + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
