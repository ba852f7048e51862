/**
 * The weekly 周调度 and the monthly 督办通报 as view models: an overview, the warning board with reasons, the
 * 建议督办 items, completion by unit, the charts, and for the month the ranking with the units praised and
 * named. Pure: classified tasks, scores and snapshots in, data out (src/render makes text, cards and documents).
 */
import type { IsoDate } from '../domain/types.js';
import { completionChart, overdueTrendChart, type Chart } from './charts.js';
import type { LedgerSnapshot } from './changes.js';
import type { ClassifiedTask } from './classify.js';
import type { DigestChangesView } from './digest-changes.js';
import { summarize, type DigestSummary } from './digest.js';
import type { MonthScores, UnitScore } from './scores.js';
import { byMostOverdue, compareText } from './sort.js';
import { warningReason } from './warning-reason.js';

/** A task under a warning, with the reason in words. */
export interface WarnedTask {
  view: ClassifiedTask;
  reason: string;
}

/** A unit named in the notice: its 建议督办 tasks (overdue longer than the escalation threshold). */
export interface NamedUnit {
  unit: string;
  taskIds: string[];
  overdueWorkdays: number;
}

/** The issuing details of a notice (report: in the configuration). */
export interface ReportHeading {
  title: string;
  issuer: string;
  /** The document number with {year} and {n} filled in (n = the month's number), e.g. 督通〔2026〕3号. */
  docNumber: string;
  /** The day the report is issued. */
  issued: IsoDate;
}

export interface PeriodReport {
  kind: 'weekly' | 'monthly';
  /** "2026-03" for a monthly report, the week's Monday–issue day for a weekly one. */
  period: string;
  /** The day the tasks stood as shown. */
  asOf: IsoDate;
  heading: ReportHeading;
  summary: DigestSummary;
  /** Red tasks then yellow ones, most overdue first, each with its reason. */
  warned: WarnedTask[];
  /** 建议督办: overdue longer than reminders.escalateAfterWorkdays, most overdue first. */
  escalate: ClassifiedTask[];
  charts: Chart[];
  /** Monthly: the scores and ranking. */
  scores: MonthScores | null;
  /** Monthly: units praised (表扬): ranked in the top three, at least one task done on time, none overdue. */
  praised: UnitScore[];
  /** Units named (点名): those with 建议督办 tasks, most overdue working days first. */
  named: NamedUnit[];
  /** Weekly: what changed since about a week ago. */
  changes: DigestChangesView | null;
}

/** Units ranked this high or better may be praised (equal scores can make it more than three units). */
export const PRAISED_UNITS = 3;

export interface PeriodReportInputs {
  kind: PeriodReport['kind'];
  period: string;
  asOf: IsoDate;
  heading: ReportHeading;
  views: readonly ClassifiedTask[];
  /** Snapshots before asOf, for the overdue trend. */
  snapshots: readonly LedgerSnapshot[];
  scores?: MonthScores | null;
  changes?: DigestChangesView | null;
}

/** Builds a weekly or monthly report from the tasks classified for asOf. */
export function buildPeriodReport(inputs: PeriodReportInputs): PeriodReport {
  const summary = summarize(inputs.views);
  const warned = inputs.views
    .filter((v) => v.light === 'red' || v.light === 'yellow')
    .sort((a, b) => (a.light === b.light ? byMostOverdue(a, b) : a.light === 'red' ? -1 : 1))
    .map((view) => ({ view, reason: warningReason(view) }));
  const charts: Chart[] = summary.units.length > 0 ? [completionChart(summary.units)] : [];
  const trend = overdueTrendChart(inputs.snapshots, inputs.asOf, summary.overdue.length);
  if (trend) charts.push(trend);
  const scores = inputs.scores ?? null;
  return {
    kind: inputs.kind,
    period: inputs.period,
    asOf: inputs.asOf,
    heading: inputs.heading,
    summary,
    warned,
    escalate: summary.escalate,
    charts,
    scores,
    praised: scores ? scores.units.filter((u) => u.rank <= PRAISED_UNITS && u.overdue === 0 && u.doneOnTime > 0) : [],
    named: namedUnits(summary.escalate),
    changes: inputs.changes ?? null,
  };
}

/** The lead units of the 建议督办 tasks, with their tasks, most overdue working days first. */
function namedUnits(escalate: readonly ClassifiedTask[]): NamedUnit[] {
  const units = new Map<string, NamedUnit>();
  for (const view of escalate) {
    for (const unit of new Set(view.task.lead)) {
      const named = units.get(unit) ?? { unit, taskIds: [], overdueWorkdays: 0 };
      named.taskIds.push(view.task.id);
      named.overdueWorkdays += view.workdaysOverdue;
      units.set(unit, named);
    }
  }
  return [...units.values()].sort((a, b) => b.overdueWorkdays - a.overdueWorkdays || compareText(a.unit, b.unit));
}

/** The document number: {year} and {n} (the month's number in its year) filled in. */
export function docNumber(pattern: string, month: string): string {
  return pattern.replaceAll('{year}', month.slice(0, 4)).replaceAll('{n}', String(Number(month.slice(5, 7))));
}
