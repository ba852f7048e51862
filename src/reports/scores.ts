/**
 * Unit scores for a month (考核) and their ranking, by the rules of docs/scoring.md. Pure: the tasks as they
 * stood on the month's last known day, the snapshots before it and the 督办 loop's records in, a table out.
 */
import { wallClock } from '../calendar/zoned-time.js';
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import type { AckFact, ReminderFact, RequestFact } from './loop-facts.js';
import type { LedgerSnapshot } from './changes.js';
import type { ClassifiedTask } from './classify.js';
import { collectDate, monthDays } from './month.js';
import { compareText } from './sort.js';

/** Points for each part of the score (scoring: in the configuration); the score's maximum is their sum. */
export interface ScoringWeights {
  onTime: number;
  overdue: number;
  extensions: number;
  reports: number;
  ack: number;
}

/** A task overdue this many working days (per task the unit leads) costs all of the overdue points. */
export const OVERDUE_FULL_PENALTY_WORKDAYS = 20;
/** An acknowledgement this many hours after the reminder (or none) costs all of the acknowledgement points. */
export const ACK_CAP_HOURS = 72;

export interface ScoreInputs {
  month: string;
  /** The day the tasks stood as given: the month's last snapshot, or today for the current month. */
  asOf: IsoDate;
  /** The tasks on `asOf`, classified for `asOf`. */
  views: readonly ClassifiedTask[];
  /** Snapshots dated on or before `asOf` (any order): when a task was first seen done, progress dates. */
  snapshots: readonly LedgerSnapshot[];
  requests: readonly RequestFact[];
  acks: readonly AckFact[];
  /** The whole reminder log (a task's first reminder may lie before the month). */
  reminders: readonly ReminderFact[];
  calendar: WorkCalendar;
  /** collect.day: progress reports are due by this day of the month (moved back to a working day). */
  collectDay: number;
  weights: ScoringWeights;
  timezone: string;
}

/** One unit's row: the counts of docs/scoring.md, the points per part, the score and the rank. */
export interface UnitScore {
  unit: string;
  rank: number;
  score: number;
  lead: number;
  done: number;
  doneOnTime: number;
  /** Tasks whose original deadline had passed by asOf, or that are done: what on-time completion is measured on. */
  dueTasks: number;
  overdue: number;
  overdueWorkdays: number;
  extensions: number;
  expectedReports: number;
  missedReports: number;
  /** Tasks first reminded this month, whose acknowledgement time is averaged. */
  reminded: number;
  /** Average hours from the first reminder to the unit's 签收 (capped at ACK_CAP_HOURS); null when none was reminded. */
  ackHours: number | null;
  points: ScoringWeights;
}

export interface MonthScores {
  month: string;
  asOf: IsoDate;
  /** The 催报 day of the month. */
  collectDate: IsoDate;
  /** False before the 催报 day: no report was missed yet. */
  reportsDue: boolean;
  weights: ScoringWeights;
  units: UnitScore[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Scores every unit that leads a task on `asOf` and ranks them (highest score first; equal scores share a rank). */
export function scoreUnits(inputs: ScoreInputs): MonthScores {
  const { month, asOf, weights } = inputs;
  const { first } = monthDays(month);
  const collect = collectDate(month, inputs.collectDay, inputs.calendar);
  const reportsDue = asOf >= collect;
  const localDate = (instant: string) => wallClock(new Date(instant), inputs.timezone).date;
  // Records after asOf (a past month scored later) do not count.
  const requestsByTask = groupBy(inputs.requests.filter((r) => localDate(r.at) <= asOf), (r) => r.taskId);
  const firstDone = firstSeenDone(inputs.snapshots);
  const updatesThisMonth = progressDates(inputs.snapshots, first, asOf);

  const rows = new Map<string, UnitScore>();
  const row = (unit: string): UnitScore => {
    let r = rows.get(unit);
    if (!r) {
      r = {
        unit, rank: 0, score: 0, lead: 0, done: 0, doneOnTime: 0, dueTasks: 0, overdue: 0, overdueWorkdays: 0, extensions: 0,
        expectedReports: 0, missedReports: 0, reminded: 0, ackHours: null, points: { onTime: 0, overdue: 0, extensions: 0, reports: 0, ack: 0 },
      };
      rows.set(unit, r);
    }
    return r;
  };

  for (const view of inputs.views) {
    const { task } = view;
    const requests = requestsByTask.get(task.id) ?? [];
    const approved = (kind: RequestFact['kind']) =>
      requests.filter((r) => r.kind === kind && r.status === 'approved').sort((a, b) => (a.decidedAt ?? a.at).localeCompare(b.decidedAt ?? b.at));
    const extensionsGranted = approved('extend');
    const originalDue = task.originalDue ?? extensionsGranted.find((r) => r.oldDue)?.oldDue ?? task.due;
    const done = task.status === 'done';
    const completedOn = done ? (task.closed ?? decidedOn(approved('complete')[0], localDate) ?? firstDone.get(task.id) ?? null) : null;
    const onTime = done && (originalDue === null || completedOn === null || completedOn <= originalDue);
    const due = done || (task.status !== 'paused' && originalDue !== null && originalDue < asOf);
    const extensions = task.extensions ?? (extensionsGranted.length || (task.extended || (task.originalDue !== null && task.originalDue !== task.due) ? 1 : 0));
    const expectsReport = reportsDue && (task.start === null || task.start <= collect) &&
      ((task.status !== 'done' && task.status !== 'paused') || (completedOn !== null && completedOn > collect));
    const reported = expectsReport && (
      inRange(task.updated, first, collect) ||
      (updatesThisMonth.get(task.id) ?? []).some((date) => inRange(date, first, collect)) ||
      requests.some((r) => r.kind !== 'ack' && inRange(localDate(r.at), first, collect))
    );
    for (const unit of new Set(task.lead)) {
      const r = row(unit);
      r.lead += 1;
      if (done) r.done += 1;
      if (onTime) r.doneOnTime += 1;
      if (due) r.dueTasks += 1;
      if (view.overdue) {
        r.overdue += 1;
        r.overdueWorkdays += view.workdaysOverdue;
      }
      r.extensions += extensions;
      if (expectsReport) {
        r.expectedReports += 1;
        if (!reported) r.missedReports += 1;
      }
    }
  }

  for (const [unit, hours] of ackHoursByUnit(inputs, first, localDate)) {
    const r = rows.get(unit);
    if (!r) continue;
    r.reminded = hours.length;
    r.ackHours = round1(hours.reduce((n, h) => n + h, 0) / hours.length);
  }

  for (const r of rows.values()) {
    r.points = {
      onTime: round1(weights.onTime * share(r.doneOnTime, r.dueTasks)),
      overdue: round1(weights.overdue * Math.max(0, 1 - r.overdueWorkdays / (r.lead * OVERDUE_FULL_PENALTY_WORKDAYS))),
      extensions: round1(weights.extensions * Math.max(0, 1 - r.extensions / r.lead)),
      reports: round1(weights.reports * share(r.expectedReports - r.missedReports, r.expectedReports)),
      ack: round1(weights.ack * (r.ackHours === null ? 1 : 1 - r.ackHours / ACK_CAP_HOURS)),
    };
    r.score = round1(Object.values(r.points).reduce((n, p) => n + p, 0));
  }
  return { month, asOf, collectDate: collect, reportsDue, weights, units: rank([...rows.values()]) };
}

/** Highest score first, then by name; equal scores share the rank of the first of them (1, 2, 2, 4). */
function rank(rows: UnitScore[]): UnitScore[] {
  rows.sort((a, b) => b.score - a.score || compareText(a.unit, b.unit));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].score === r.score ? rows[i - 1].rank : i + 1));
  return rows;
}

/** Hours from each (task, unit)'s first reminder, when it falls in the month, to the unit's acknowledgement. */
function ackHoursByUnit(inputs: ScoreInputs, first: IsoDate, localDate: (instant: string) => IsoDate): Map<string, number[]> {
  const firstReminder = new Map<string, ReminderFact>();
  for (const r of inputs.reminders) {
    if (r.outcome !== 'sent') continue;
    const key = `${r.taskId}\n${r.unit}`;
    const seen = firstReminder.get(key);
    if (!seen || r.at < seen.at) firstReminder.set(key, r);
  }
  const firstAck = new Map<string, AckFact>();
  for (const a of inputs.acks) {
    const key = `${a.taskId}\n${a.unit}`;
    const seen = firstAck.get(key);
    if (!seen || a.at < seen.at) firstAck.set(key, a);
  }
  const byUnit = new Map<string, number[]>();
  for (const [key, reminder] of firstReminder) {
    if (!inRange(reminder.date, first, inputs.asOf)) continue;
    const ack = firstAck.get(key);
    const answered = ack && localDate(ack.at) <= inputs.asOf;
    const hours = answered ? (Date.parse(ack.at) - Date.parse(reminder.at)) / 3_600_000 : ACK_CAP_HOURS;
    const list = byUnit.get(reminder.unit) ?? [];
    list.push(Math.min(ACK_CAP_HOURS, Math.max(0, hours)));
    byUnit.set(reminder.unit, list);
  }
  return byUnit;
}

/** The date of the earliest snapshot in which each task is done. */
function firstSeenDone(snapshots: readonly LedgerSnapshot[]): Map<string, IsoDate> {
  const seen = new Map<string, IsoDate>();
  for (const s of snapshots) {
    for (const [id, t] of Object.entries(s.tasks)) {
      const known = seen.get(id);
      if (t.status === 'done' && (known === undefined || s.date < known)) seen.set(id, s.date);
    }
  }
  return seen;
}

/** Each task's 更新时间 as the month's snapshots (from `first` to `asOf`) recorded it. */
function progressDates(snapshots: readonly LedgerSnapshot[], first: IsoDate, asOf: IsoDate): Map<string, IsoDate[]> {
  const dates = new Map<string, IsoDate[]>();
  for (const s of snapshots) {
    if (!inRange(s.date, first, asOf)) continue;
    for (const [id, t] of Object.entries(s.tasks)) if (t.updated) (dates.get(id) ?? dates.set(id, []).get(id)!).push(t.updated);
  }
  return dates;
}

function decidedOn(request: RequestFact | undefined, localDate: (instant: string) => IsoDate): IsoDate | null {
  return request ? localDate(request.decidedAt ?? request.at) : null;
}

function inRange(date: IsoDate | null, from: IsoDate, to: IsoDate): boolean {
  return date !== null && date >= from && date <= to;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) (map.get(key(item)) ?? map.set(key(item), []).get(key(item))!).push(item);
  return map;
}
