/**
 * The tasks a reading selects: by number, units and their roles (any of them, or all of them together), keywords,
 * states, warning levels, progress and overdue thresholds, a window of deadlines, and "no assisting unit".
 */
import type { Reading, Role } from '../ask/reading.js';
import type { StateWord, TimeWindow } from '../ask/pieces/piece.js';
import type { Task } from '../domain/types.js';
import { addDays } from '../calendar/dates.js';
import type { ClassifiedTask } from './classify.js';
import type { AnswerContext } from './answer-types.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { indexTexts, searchTexts } from './search-texts.js';

/** A unit of the question, resolved to its canonical name (the asker's own unit for 我们/my). */
export interface ResolvedMention {
  unit: string;
  role: Role;
}

export interface Selection {
  views: ClassifiedTask[];
  /** The role the named unit plays in a task, for listing it under 牵头 or 协助. */
  roleIn(view: ClassifiedTask): 'lead' | 'assist';
  /** Ids asked for that the ledger does not have. */
  missingIds: string[];
  /** The window actually applied (an overdue question looks back to the start of the named period). */
  window: TimeWindow | null;
  /** The completion filter applied by default with a window of deadlines ahead: open tasks only. */
  openByDefault: boolean;
}

const COMPLETION: ReadonlySet<StateWord> = new Set(['not_started', 'in_progress', 'done', 'paused', 'not_done', 'open']);

function completionMatches(state: StateWord, view: ClassifiedTask): boolean {
  const status = view.task.status;
  switch (state) {
    case 'not_done':
      return status !== 'done';
    case 'open':
      return status !== 'done' && status !== 'paused';
    default:
      return status === state;
  }
}

/** "06" finds task "6" and the other way round. */
function findTask(id: string, byId: ReadonlyMap<string, Task>): Task | undefined {
  const exact = byId.get(id) ?? byId.get(id.toUpperCase());
  if (exact || !/^\d+$/.test(id)) return exact;
  for (const [key, task] of byId) if (/^\d+$/.test(key) && Number(key) === Number(id)) return task;
  return undefined;
}

/** Selects the tasks of the reading; `units` are its mentions resolved to canonical names. */
export function selectTasks(reading: Reading, units: readonly ResolvedMention[], ctx: AnswerContext): Selection {
  const views = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options);
  const index = indexLedger(ctx.ledger);
  const missingIds: string[] = [];
  let pool: readonly ClassifiedTask[];
  if (reading.taskIds.length > 0) {
    const found: ClassifiedTask[] = [];
    for (const id of reading.taskIds) {
      const task = findTask(id, index.byId);
      if (task) found.push(views.view(task));
      else missingIds.push(id);
    }
    pool = found;
  } else if (units.length > 0) {
    // Only the named units' tasks are classified: a unit question on a large ledger stays cheap.
    const tasks = new Set<Task>();
    for (const u of units) {
      if (u.role !== 'assist') for (const t of index.byLead.get(u.unit) ?? []) tasks.add(t);
      if (u.role !== 'lead') for (const t of index.byAssist.get(u.unit) ?? []) tasks.add(t);
    }
    pool = ctx.ledger.tasks.filter((t) => tasks.has(t)).map(views.view);
  } else {
    pool = views.all();
  }

  const inRole = (unit: string, role: Role, task: Task): boolean =>
    (role !== 'assist' && task.lead.includes(unit)) || (role !== 'lead' && task.assist.includes(unit));
  const unitFilter = units.length === 0
    ? null
    : (task: Task) => (reading.joint ? units.every((u) => inRole(u.unit, u.role, task)) : units.some((u) => inRole(u.unit, u.role, task)));

  const keywordSets = reading.keywords.map((k) => new Set(searchTexts(views.derived(indexTexts), k.toLowerCase()).map((v) => v.task)));
  const completion = reading.states.filter((s) => COMPLETION.has(s));
  const overdue = reading.states.includes('overdue') || reading.overdueBy !== null || reading.ask === 'slowest';
  const extended = reading.states.includes('extended');
  const notOverdue = reading.states.includes('not_overdue');
  // With a window of deadlines ahead and no state named, only work still to do is listed; a rate needs the done ones.
  const window = lookBack(reading.window, overdue);
  const openByDefault = window !== null && window.from >= ctx.today && completion.length === 0 && !overdue && reading.ask !== 'rate';
  const staleBefore = reading.stale
    ? reading.stale.workdays
      ? workdaysBefore(ctx.calendar, ctx.today, reading.stale.days)
      : addDays(ctx.today, -reading.stale.days)
    : null;
  const soonTo = reading.dueSoon && !overdue && window === null ? ctx.calendar.addWorkdays(ctx.today, ctx.options.dueSoonWorkdays) : null;

  const filtered = pool.filter((v) => {
    const task = v.task;
    if (unitFilter && !unitFilter(task)) return false;
    if (keywordSets.some((set) => !set.has(task))) return false;
    if (completion.length > 0 && !completion.some((s) => completionMatches(s, v))) return false;
    if ((openByDefault || soonTo) && (task.status === 'done' || task.status === 'paused')) return false;
    if (overdue && !v.overdue) return false;
    if (extended && !task.extended) return false;
    if (notOverdue && v.overdue) return false;
    if (reading.overdueBy) {
      const late = reading.overdueBy.workdays ? v.workdaysOverdue : v.daysOverdue;
      if (late < reading.overdueBy.min || (reading.overdueBy.max !== null && late > reading.overdueBy.max)) return false;
    }
    if (reading.warnings.length > 0 && !reading.warnings.some((w) => (w === 'behind' ? v.overdue || v.behind : v.light === w && isOpen(task)))) return false;
    if (reading.progressBelow !== null && (task.progress === null || task.progress >= reading.progressBelow || task.status === 'done')) return false;
    if (reading.progressAtLeast !== null && (task.progress === null || task.progress < reading.progressAtLeast)) return false;
    if (window && (v.due === null || v.due < window.from || v.due > window.to)) return false;
    if (soonTo && (v.due === null || v.due < ctx.today || v.due > soonTo)) return false;
    if (reading.noAssist && task.assist.length > 0) return false;
    if (staleBefore !== null && (!isOpen(task) || (task.updated !== null && task.updated > staleBefore))) return false;
    return true;
  });
  const picked = reading.termGroups.length > 0 ? bestByTerms(filtered, reading.termGroups, views.derived(indexTexts)) : filtered;

  const first = units[0];
  return {
    views: picked,
    roleIn: (view) => (first && first.role !== 'lead' && !view.task.lead.includes(first.unit) && view.task.assist.includes(first.unit) ? 'assist' : 'lead'),
    missingIds,
    window,
    openByDefault,
  };
}

/** With English topic words, the tasks that match the most of them ("gas safety campaign" → 燃气安全专项整治). */
function bestByTerms(views: readonly ClassifiedTask[], groups: Reading['termGroups'], texts: ReturnType<typeof indexTexts>): ClassifiedTask[] {
  const score = new Map<ClassifiedTask['task'], number>();
  for (const group of groups) {
    const matched = new Set(group.terms.flatMap((term) => searchTexts(texts, term.toLowerCase()).map((v) => v.task)));
    for (const task of matched) score.set(task, (score.get(task) ?? 0) + 1);
  }
  const best = views.reduce((max, v) => Math.max(max, score.get(v.task) ?? 0), 0);
  return best === 0 ? [] : views.filter((v) => score.get(v.task) === best);
}

/** The day `n` working days before `date` (a task updated on it or earlier has gone n working days without an update). */
function workdaysBefore(calendar: AnswerContext['calendar'], date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (calendar.isWorkday(day)) left -= 1;
  }
  return day;
}

function isOpen(task: Task): boolean {
  return task.status !== 'done' && task.status !== 'paused';
}

/** "本月逾期的": overdue tasks fall due before today, so a window of the current period reaches back to its start. */
function lookBack(window: TimeWindow | null, overdue: boolean): TimeWindow | null {
  if (!window || !overdue || !window.periodStart) return window;
  return { ...window, from: window.periodStart };
}
