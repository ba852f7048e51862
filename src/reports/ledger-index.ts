/** A ledger indexed by task id and unit, and its tasks classified for a date, built once and cached. */
import type { IsoDate, Ledger, ReportOptions, Task, WorkCalendar } from '../domain/types.js';
import { classifyTask, type ClassifiedTask } from './classify.js';
import { memoCalendar } from './memo-calendar.js';

/** Tasks looked up by id and by unit; built once per ledger object (ledgers are treated as immutable). */
export interface LedgerIndex {
  /** First task with each id (duplicate ids are a ledger problem reported by the linter). */
  byId: ReadonlyMap<string, Task>;
  byLead: ReadonlyMap<string, readonly Task[]>;
  byAssist: ReadonlyMap<string, readonly Task[]>;
}

const indexes = new WeakMap<Ledger, LedgerIndex>();

/** The index of a ledger, built on first use and cached (WeakMap keyed by the ledger object). */
export function indexLedger(ledger: Ledger): LedgerIndex {
  let index = indexes.get(ledger);
  if (!index) {
    index = buildIndex(ledger.tasks);
    indexes.set(ledger, index);
  }
  return index;
}

function buildIndex(tasks: readonly Task[]): LedgerIndex {
  const byId = new Map<string, Task>();
  const byLead = new Map<string, Task[]>();
  const byAssist = new Map<string, Task[]>();
  for (const task of tasks) {
    if (!byId.has(task.id)) byId.set(task.id, task);
    pushEach(byLead, task.lead, task);
    pushEach(byAssist, task.assist, task);
  }
  return { byId, byLead, byAssist };
}

/** Files the task under each of its units once (a unit named twice in one cell is one entry). */
function pushEach(map: Map<string, Task[]>, units: readonly string[], task: Task): void {
  for (let i = 0; i < units.length; i++) if (units.indexOf(units[i]) === i) push(map, units[i], task);
}

function push(map: Map<string, Task[]>, key: string, task: Task): void {
  const list = map.get(key);
  if (list) list.push(task);
  else map.set(key, [task]);
}

/** Classified tasks of one ledger for one date, computed lazily per task and cached. */
export interface LedgerViews {
  view(task: Task): ClassifiedTask;
  /** Every task of the ledger, classified, in ledger order (shared: do not mutate). */
  all(): readonly ClassifiedTask[];
  /**
   * `derive(all())`, computed on the first call with this (module-level) function and then shared, so do not
   * mutate the result: ledger-wide lists and totals (the sorted overdue list, the digest's numbers) are asked for
   * again and again.
   */
  derived<T>(derive: (all: readonly ClassifiedTask[]) => T): T;
}

interface ViewCache {
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
  views: LedgerViews;
}

const viewCaches = new WeakMap<Ledger, ViewCache>();

/**
 * Lazy, cached classification of a ledger: a question about one unit classifies only that unit's tasks,
 * and repeated questions on the same day reuse earlier results (one cache entry per ledger).
 */
export function ledgerViews(
  ledger: Ledger,
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
): LedgerViews {
  const cached = viewCaches.get(ledger);
  if (
    cached &&
    cached.today === today &&
    cached.calendar === calendar &&
    sameOptions(cached.options, options)
  ) {
    return cached.views;
  }
  const views = createViews(ledger, today, memoCalendar(calendar), options);
  viewCaches.set(ledger, { today, calendar, options: { ...options }, views });
  return views;
}

function createViews(
  ledger: Ledger,
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
): LedgerViews {
  const byTask = new Map<Task, ClassifiedTask>();
  const view = (task: Task): ClassifiedTask => {
    let result = byTask.get(task);
    if (!result) {
      result = classifyTask(task, today, calendar, options);
      byTask.set(task, result);
    }
    return result;
  };
  let all: readonly ClassifiedTask[] | null = null;
  // Keyed by the deriving function itself: each is a module-level function, so its identity names the result.
  const derivations = new Map<(all: readonly ClassifiedTask[]) => unknown, unknown>();
  const views: LedgerViews = {
    view,
    all: () => (all ??= ledger.tasks.map(view)),
    derived<T>(derive: (all: readonly ClassifiedTask[]) => T): T {
      if (!derivations.has(derive)) derivations.set(derive, derive(views.all()));
      return derivations.get(derive) as T;
    },
  };
  return views;
}

function sameOptions(a: ReportOptions, b: ReportOptions): boolean {
  return (
    a.dueSoonWorkdays === b.dueSoonWorkdays &&
    a.behindPoints === b.behindPoints &&
    a.redBehindPoints === b.redBehindPoints &&
    a.escalateAfterWorkdays === b.escalateAfterWorkdays &&
    a.redOverdueWorkdays === b.redOverdueWorkdays
  );
}
