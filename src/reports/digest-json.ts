/** The digest as the JSON of `duban digest --json`. */
import type { Digest } from './digest.js';
import type { ClassifiedTask } from './classify.js';

const ids = (views: readonly ClassifiedTask[]) => views.map((v) => v.task.id);

/** The digest as the documented JSON shape (docs/contracts.md, "digest"), plus a few extra fields. */
export function digestToJson(d: Digest): Record<string, unknown> {
  return {
    date: d.date,
    total: d.total,
    done: d.done,
    inProgress: d.inProgress,
    notStarted: d.notStarted,
    overdue: ids(d.overdue),
    dueSoon: ids(d.dueSoon),
    units: d.units.map((u) => ({ ...u })),
    problems: d.problems.items.map((p) => ({
      row: p.row,
      column: p.column,
      severity: p.severity,
      code: p.code,
      message: p.message,
    })),
    paused: d.paused,
    completionRate: d.completionRate,
    lights: { ...d.lights },
    behind: ids(d.behind),
    escalate: ids(d.escalate),
    categories: d.categories.map((c) => ({ ...c })),
    changes: d.changes,
    ...(d.notReported ? { notReported: d.notReported } : {}),
  };
}
