/** Scores and reports as the JSON of `duban score --json` and `duban report --format json` (docs/contracts.md). */
import type { PeriodReport } from './period-report.js';
import type { MonthScores } from './scores.js';

/** The score JSON: the month, the day the tasks stood, the weights and one row per unit in rank order. */
export function scoresToJson(scores: MonthScores, from: 'ledger' | 'snapshot'): Record<string, unknown> {
  return {
    month: scores.month,
    asOf: scores.asOf,
    from,
    collectDate: scores.collectDate,
    reportsDue: scores.reportsDue,
    weights: { ...scores.weights },
    units: scores.units.map((u) => ({ ...u, points: { ...u.points } })),
  };
}

/** The report JSON: heading, totals, the warning board, 建议督办 and warned tasks with reasons, the ranking, the charts' data. */
export function reportToJson(report: PeriodReport, from: 'ledger' | 'snapshot'): Record<string, unknown> {
  const s = report.summary;
  return {
    kind: report.kind,
    period: report.period,
    asOf: report.asOf,
    heading: { ...report.heading },
    total: s.total,
    done: s.done,
    completionRate: s.completionRate,
    overdue: s.overdue.map((v) => v.task.id),
    lights: { ...s.lights },
    escalate: report.escalate.map((v) => ({ id: v.task.id, title: v.task.title, lead: v.task.lead, due: v.due, workdaysOverdue: v.workdaysOverdue })),
    warnings: report.warned.map((w) => ({ id: w.view.task.id, level: w.view.light, reason: w.reason })),
    units: s.units.map((u) => ({ ...u })),
    scores: report.scores ? scoresToJson(report.scores, from) : null,
    praised: report.praised.map((u) => u.unit),
    named: report.named.map((n) => ({ ...n, taskIds: [...n.taskIds] })),
    charts: report.charts.map((c) => ({ id: c.id, kind: c.kind, title: c.title, points: c.points.map((p) => ({ ...p })) })),
    changes: report.changes,
  };
}
