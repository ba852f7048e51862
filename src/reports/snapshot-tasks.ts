/**
 * The ledger's tasks as a snapshot saw them, for reports on a past date: the snapshot's status, progress, dates
 * and lead units, with the text it does not keep (titles, categories, assisting units) from the current ledger.
 */
import { LEDGER_FIELDS, type Ledger, type LedgerField, type Task } from '../domain/types.js';
import type { LedgerSnapshot, TaskSnapshot } from './changes.js';

/** One task per snapshot entry, in the current ledger's order first, then the ids the ledger no longer has. */
export function tasksAt(snapshot: LedgerSnapshot, current: Ledger): Task[] {
  const byId = new Map<string, Task>();
  for (const task of current.tasks) if (!byId.has(task.id)) byId.set(task.id, task);
  const ids = [...byId.keys()].filter((id) => id in snapshot.tasks);
  for (const id of Object.keys(snapshot.tasks)) if (!byId.has(id)) ids.push(id);
  return ids.map((id) => taskAt(id, snapshot.tasks[id], byId.get(id)));
}

function taskAt(id: string, s: TaskSnapshot, now: Task | undefined): Task {
  const base = now ?? placeholder(id);
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    ...base,
    status: s.status,
    progress: s.progress,
    // An ongoing task has no deadline in the snapshot; a recurring one keeps its text and the next date it had.
    due: s.due,
    ongoing: base.ongoing && s.due === null,
    updated: s.updated,
    lead: pick(s.lead, base.lead),
    start: pick(s.start, base.start),
    originalDue: pick(s.originalDue, base.originalDue),
    closed: pick(s.closed, base.closed),
    extensions: pick(s.extensions, base.extensions),
    extended: pick(s.extended, base.extended),
  };
}

/** A task the current ledger no longer has: only its id is known besides the snapshot. */
function placeholder(id: string): Task {
  const raw = Object.fromEntries(LEDGER_FIELDS.map((field) => [field, field === 'id' ? id : ''])) as Record<LedgerField, string>;
  return {
    id, row: 0, category: '', title: `任务 ${id}（已不在台账中）`, lead: [], assist: [], start: null, due: null, ongoing: false,
    recurring: null, status: 'not_started', extended: false, progress: null, note: '', updated: null, originalDue: null,
    extensions: null, closed: null, raw,
  };
}
