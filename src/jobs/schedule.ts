/**
 * The runs ahead: which job runs on which working day and at what local time. Pure: the configuration, a
 * calendar and a date range in, the schedule out. The scheduler and `duban plan` both use it.
 */
import { createHash } from 'node:crypto';
import cron from 'node-cron';
import { addDays } from '../calendar/dates.js';
import { lastWorkdayOfWeek } from '../calendar/chinese-calendar.js';
import { addMinutes, zonedIso } from '../calendar/zoned-time.js';
import { cronClockTime } from '../config/cross-check.js';
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import { collectionDay } from '../reports/collect.js';

export const JOB_NAMES = ['digest', 'remind', 'weekly', 'monthly', 'collect'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface ScheduledRun {
  job: JobName;
  /** ISO 8601 with the timezone's offset, e.g. "2026-02-14T09:03:00+08:00". */
  at: string;
  date: IsoDate;
  /** Local "HH:MM". */
  time: string;
  /** For a weekly summary moved off a day off: the day it was scheduled for. */
  movedFrom?: IsoDate;
}

export type ScheduleConfig = Pick<DubanConfig, 'timezone' | 'schedule' | 'sendWindow'> & { collect?: DubanConfig['collect'] };

export interface ScheduleRequest {
  from: IsoDate;
  days: number;
  config: ScheduleConfig;
  calendar: WorkCalendar;
}

/** 1–4 minutes, derived from job and date, so runs avoid :00 and :30 yet are the same on every restart. */
export function jitterMinutes(job: string, date: IsoDate): number {
  return (createHash('sha256').update(`${job}|${date}`).digest()[0] % 4) + 1;
}

/** True when the cron expression's day fields (day of month, month, day of week; combined with AND as node-cron does) match. */
function cronMatchesDay(fields: ReturnType<typeof cron.parse>, date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const days = fields.dayOfWeek.map((v) => Number(v) % 7);
  return fields.month.includes(m) && fields.dayOfMonth.includes(d) && days.includes(dow);
}

/**
 * The day a job runs for a scheduled day: itself on a working day; a weekly report moves to the week's last working
 * day, a monthly one to the next working day (the 1st of a month is often a holiday), the monthly collection (催报)
 * to the working day before.
 */
function runDay(job: JobName, scheduled: IsoDate, calendar: WorkCalendar): IsoDate | null {
  if (calendar.isWorkday(scheduled)) return scheduled;
  if (job === 'collect') return collectionDay(scheduled, Number(scheduled.slice(8)), calendar);
  if (job === 'monthly') return calendar.addWorkdays(scheduled, 0);
  return job === 'weekly' ? lastWorkdayOfWeek(calendar, scheduled) : null;
}

/** A job's cron expression: its own, or for the collection (催报) the reminders' time on collect.day; null when off. */
function cronOf(job: JobName, config: ScheduleConfig): string | null {
  if (job !== 'collect') return config.schedule[job];
  const day = config.collect?.day;
  if (day === undefined) return null;
  const [minute, hour] = config.schedule.remind.split(/\s+/);
  return `${minute} ${hour} ${day} * *`;
}

/** The runs in [from, from + days), in time order, on working days and inside the send window. */
export function scheduleRuns(request: ScheduleRequest): { runs: ScheduledRun[] } {
  const { from, days, config, calendar } = request;
  const until = addDays(from, days);
  const runs: ScheduledRun[] = [];
  for (const job of JOB_NAMES) {
    const expression = cronOf(job, config);
    if (expression === null) continue;
    const fields = cron.parse(expression);
    const base = cronClockTime(expression);
    // A week either side, so a weekly summary moved into (or out of) the range is placed correctly.
    for (let scheduled = addDays(from, -6); scheduled < addDays(until, 6); scheduled = addDays(scheduled, 1)) {
      if (!cronMatchesDay(fields, scheduled)) continue;
      const date = runDay(job, scheduled, calendar);
      if (date === null || date < from || date >= until) continue;
      const time = addMinutes(base, jitterMinutes(job, date));
      if (time < config.sendWindow.start || time >= config.sendWindow.end) continue;
      const run: ScheduledRun = { job, at: zonedIso(date, time, config.timezone), date, time };
      if (date !== scheduled) run.movedFrom = scheduled;
      runs.push(run);
    }
  }
  return { runs: dedupe(runs).sort((a, b) => (a.date + a.time + a.job).localeCompare(b.date + b.time + b.job)) };
}

/** One run per (job, date): a moved weekly summary may land on a day that already has one. */
function dedupe(runs: ScheduledRun[]): ScheduledRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    const key = `${run.job}|${run.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
