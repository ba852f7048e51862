/**
 * What changed between two digests: a compact snapshot of the ledger is stored after each digest, and the next
 * digest compares against it. Pure: data and dates in, data out.
 */
import { createHash } from 'node:crypto';
import type { IsoDate, Ledger, TaskState, WorkCalendar } from '../domain/types.js';
import type { DigestChanges } from './digest-changes.js';

/** The fields of one task a digest compares. */
export interface TaskSnapshot {
  status: TaskState;
  progress: number | null;
  /** Null for ongoing tasks and tasks without a deadline. */
  due: IsoDate | null;
  /** A short hash of the progress note, to notice edits without storing the text. */
  noteHash: string;
  updated: IsoDate | null;
  // What the monthly scores read from a past month's snapshot (absent in snapshots older than the scores: the
  // current ledger's values stand in for them).
  lead?: string[];
  start?: IsoDate | null;
  originalDue?: IsoDate | null;
  closed?: IsoDate | null;
  extensions?: number | null;
  extended?: boolean;
}

/** The ledger as it stood on a digest date: task id → compared fields. */
export interface LedgerSnapshot {
  date: IsoDate;
  tasks: Record<string, TaskSnapshot>;
}

export interface DiffOptions {
  calendar: WorkCalendar;
  /** Open tasks whose note is unchanged for at least this many working days are stale. */
  staleAfterWorkdays: number;
  /** Earlier snapshots, newest first (the store's order), to date note edits when 更新时间 is empty. */
  history?: readonly LedgerSnapshot[];
}

/** A short, stable hash of a progress note (whitespace-trimmed). */
export function noteHash(note: string): string {
  return createHash('sha256').update(note.trim()).digest('hex').slice(0, 12);
}

/** The compact snapshot of a ledger on `date`. The first row wins when an id is duplicated (the lint reports it). */
export function snapshotLedger(ledger: Ledger, date: IsoDate): LedgerSnapshot {
  const tasks: Record<string, TaskSnapshot> = {};
  for (const task of ledger.tasks) {
    if (task.id in tasks) continue;
    tasks[task.id] = {
      status: task.status,
      progress: task.progress,
      due: task.ongoing ? null : task.due,
      noteHash: noteHash(task.note),
      updated: task.updated,
      lead: task.lead,
      start: task.start,
      originalDue: task.originalDue,
      closed: task.closed,
      extensions: task.extensions,
      extended: task.extended,
    };
  }
  return { date, tasks };
}

const isOpen = (t: TaskSnapshot) => t.status !== 'done' && t.status !== 'paused';

/** Overdue on `date` by the same rule as the classifier: open, with a deadline before that date. */
export function overdueOn(t: TaskSnapshot, date: IsoDate): boolean {
  return isOpen(t) && t.due !== null && t.due < date;
}

/** The earliest date from which the note has stood unchanged, as far back as the snapshots reach. */
function noteUnchangedSince(id: string, current: LedgerSnapshot, history: readonly LedgerSnapshot[]): IsoDate {
  const hash = current.tasks[id].noteHash;
  let since = current.date;
  for (const snapshot of history) {
    if (snapshot.date >= current.date) continue;
    if (snapshot.tasks[id]?.noteHash !== hash) break;
    since = snapshot.date;
  }
  return since;
}

/** Open tasks whose note has not been updated for `staleAfterWorkdays` working days (更新时间, else snapshot history). */
export function staleTasks(current: LedgerSnapshot, options: DiffOptions): DigestChanges['stale'] {
  const stale: DigestChanges['stale'] = [];
  for (const [id, task] of Object.entries(current.tasks)) {
    if (!isOpen(task)) continue;
    const since = task.updated ?? noteUnchangedSince(id, current, options.history ?? []);
    const workdays = options.calendar.workdaysBetween(since, current.date);
    if (workdays >= options.staleAfterWorkdays) stale.push({ id, updated: since, workdaysSinceUpdate: workdays });
  }
  return stale;
}

/** Changes from the previous digest's snapshot to the current one: done, overdue, status, progress, stale. */
export function diffSnapshots(prev: LedgerSnapshot, current: LedgerSnapshot, options: DiffOptions): DigestChanges {
  const changes: DigestChanges = {
    since: prev.date,
    newlyDone: [],
    newlyOverdue: [],
    statusChanged: [],
    progressChanged: [],
    stale: staleTasks(current, options),
  };
  for (const [id, now] of Object.entries(current.tasks)) {
    const before = prev.tasks[id];
    if (overdueOn(now, current.date) && !(before && overdueOn(before, prev.date))) changes.newlyOverdue.push(id);
    if (!before) continue;
    if (now.status === 'done' && before.status !== 'done') changes.newlyDone.push(id);
    else if (now.status !== before.status) changes.statusChanged.push({ id, from: before.status, to: now.status });
    if (now.progress !== before.progress) changes.progressChanged.push({ id, from: before.progress, to: now.progress });
  }
  return changes;
}
