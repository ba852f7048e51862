/** The daily digest as a view model: totals, lights, overdue and due-soon lists, unit and category tables. */
import type { IsoDate, Ledger, Problem, ReportOptions, TaskState, TrafficLight, WorkCalendar } from '../domain/types.js';
import type { LedgerSnapshot } from './changes.js';
import { overdueTrendChart, type Chart } from './charts.js';
import type { ClassifiedTask } from './classify.js';
import type { UnreportedUnit } from './collect.js';
import type { DigestChanges, DigestChangesView } from './digest-changes.js';
import { describeChanges } from './describe-changes.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { byMostBehind, byMostOverdue, bySoonestDue, compareText } from './sort.js';

/** One row of the per-unit table: tasks the unit leads (a task with several lead units counts for each). */
export interface UnitSummary {
  unit: string;
  lead: number;
  done: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
  paused: number;
  dueSoon: number;
}

/** One row of the per-category table. */
export interface CategorySummary {
  category: string;
  total: number;
  done: number;
  overdue: number;
}

/** The digest's numbers and lists, computed from the classified tasks alone (see `summarize`). */
export interface DigestSummary {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  paused: number;
  /** Done as a percentage of all tasks, one decimal (0 for an empty ledger). */
  completionRate: number;
  lights: Record<TrafficLight, number>;
  /** Most days overdue first. */
  overdue: ClassifiedTask[];
  /** Soonest first. */
  dueSoon: ClassifiedTask[];
  /** Behind the time-proportional progress but not overdue, furthest behind first. */
  behind: ClassifiedTask[];
  /** 建议督办: overdue by more than escalateAfterWorkdays working days, most overdue first. */
  escalate: ClassifiedTask[];
  /** Units that lead at least one task: most overdue first, then most tasks, then by name. */
  units: UnitSummary[];
  categories: CategorySummary[];
}

/** The daily progress digest for leaders (view model; rendering lives in src/render). */
export interface Digest extends DigestSummary {
  date: IsoDate;
  source: string;
  problems: { errors: number; warnings: number; items: Problem[] };
  changes: DigestChangesView | null;
  /** Overdue tasks over the last 30 days (from the stored snapshots); null without an earlier snapshot. */
  trend: Chart | null;
  /** After this month's collection day (collect.day): the units that have not reported; absent before it or without one. */
  notReported?: UnreportedUnit[];
}

/** Builds the digest of a ledger for `today`; its lists are the caller's own (copies of the cached summary). */
export function buildDigest(
  ledger: Ledger,
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
  changes?: DigestChanges | null,
  history: readonly LedgerSnapshot[] = [],
): Digest {
  const s = ledgerViews(ledger, today, calendar, options).derived(summarize);
  const errors = ledger.problems.filter((p) => p.severity === 'error').length;
  return {
    date: today,
    source: ledger.source,
    total: s.total,
    done: s.done,
    inProgress: s.inProgress,
    notStarted: s.notStarted,
    paused: s.paused,
    completionRate: s.completionRate,
    lights: { ...s.lights },
    overdue: [...s.overdue],
    dueSoon: [...s.dueSoon],
    behind: [...s.behind],
    escalate: [...s.escalate],
    units: s.units.map((row) => ({ ...row })),
    categories: s.categories.map((row) => ({ ...row })),
    problems: { errors, warnings: ledger.problems.length - errors, items: ledger.problems },
    changes: changes ? describeChanges(changes, indexLedger(ledger)) : null,
    trend: overdueTrendChart(history, today, s.overdue.length),
  };
}

/** Overdue tasks, most days overdue first. */
export function mostOverdueFirst(views: readonly ClassifiedTask[]): ClassifiedTask[] {
  return views.filter((v) => v.overdue).sort(byMostOverdue);
}

/**
 * The digest's numbers and lists for a ledger's classified tasks; use it through `LedgerViews.derived(summarize)`
 * so it is computed once per ledger and day (progress and ranking questions read it without copying).
 */
export function summarize(views: readonly ClassifiedTask[]): DigestSummary {
  const states: Record<TaskState, number> = { not_started: 0, in_progress: 0, done: 0, paused: 0 };
  const lights: Record<TrafficLight, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  for (const view of views) {
    states[view.task.status] += 1;
    lights[view.light] += 1;
  }
  return {
    total: views.length,
    done: states.done,
    inProgress: states.in_progress,
    notStarted: states.not_started,
    paused: states.paused,
    completionRate: views.length === 0 ? 0 : Math.round((states.done / views.length) * 1000) / 10,
    lights,
    overdue: mostOverdueFirst(views),
    dueSoon: views.filter((v) => v.dueSoon).sort(bySoonestDue),
    behind: views.filter((v) => v.behind && !v.overdue).sort(byMostBehind),
    escalate: views.filter((v) => v.escalate).sort(byMostOverdue),
    units: unitSummaries(views),
    categories: categorySummaries(views),
  };
}

function unitSummaries(views: readonly ClassifiedTask[]): UnitSummary[] {
  const rows = new Map<string, UnitSummary>();
  for (const view of views) {
    for (const unit of new Set(view.task.lead)) {
      let row = rows.get(unit);
      if (!row) {
        row = { unit, lead: 0, done: 0, overdue: 0, inProgress: 0, notStarted: 0, paused: 0, dueSoon: 0 };
        rows.set(unit, row);
      }
      row.lead += 1;
      if (view.task.status === 'done') row.done += 1;
      if (view.task.status === 'in_progress') row.inProgress += 1;
      if (view.task.status === 'not_started') row.notStarted += 1;
      if (view.task.status === 'paused') row.paused += 1;
      if (view.overdue) row.overdue += 1;
      if (view.dueSoon) row.dueSoon += 1;
    }
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.lead - a.lead || compareText(a.unit, b.unit));
}

function categorySummaries(views: readonly ClassifiedTask[]): CategorySummary[] {
  const rows = new Map<string, CategorySummary>();
  for (const view of views) {
    const category = view.task.category.trim() || '未分类';
    let row = rows.get(category);
    if (!row) {
      row = { category, total: 0, done: 0, overdue: 0 };
      rows.set(category, row);
    }
    row.total += 1;
    if (view.task.status === 'done') row.done += 1;
    if (view.overdue) row.overdue += 1;
  }
  return [...rows.values()];
}
