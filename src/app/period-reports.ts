/**
 * The month's scores and the weekly and monthly reports, computed from the ledger, the work calendar and the store
 * (shared by `duban score`, `duban report`, the scheduled monthly and weekly jobs).
 */
import { addDays } from '../calendar/dates.js';
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate, Ledger, ReportOptions, WorkCalendar } from '../domain/types.js';
import { classifyTasks } from '../reports/classify.js';
import { describeChanges } from '../reports/describe-changes.js';
import { indexLedger } from '../reports/ledger-index.js';
import { DEFAULT_COLLECT_DAY, monthOf } from '../reports/month.js';
import { buildPeriodReport, docNumber, type PeriodReport, type ReportHeading } from '../reports/period-report.js';
import { scoreUnits, type MonthScores } from '../reports/scores.js';
import type { Store } from '../store/store.js';
import { monthState, type MonthState } from './month-state.js';
import { changesSince } from './runs.js';

export interface PeriodInputs {
  ledger: Ledger;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
  config: Pick<DubanConfig, 'timezone' | 'collect' | 'scoring' | 'report' | 'staleAfterWorkdays'>;
  /** The service's store, or null when there is none yet (then only the current month can be told). */
  store: Pick<Store, 'snapshots' | 'history' | 'requests' | 'acks'> | null;
}

export type Scored = { ok: true; scores: MonthScores; state: MonthState } | { ok: false; message: string };

/** The month's scores and ranking (docs/scoring.md), or why there are none. */
export async function scoreMonth(inputs: PeriodInputs, month: string): Promise<Scored> {
  const result = await monthState(inputs.store, inputs.ledger, month, inputs.today);
  if (!result.ok) return result;
  const { state } = result;
  const views = classifyTasks(state.tasks, state.asOf, inputs.calendar, inputs.options);
  const scores = scoreUnits({
    month, asOf: state.asOf, views, snapshots: state.snapshots, requests: state.requests, acks: state.acks, reminders: state.reminders,
    calendar: inputs.calendar, collectDay: inputs.config.collect.day ?? DEFAULT_COLLECT_DAY, weights: inputs.config.scoring, timezone: inputs.config.timezone,
  });
  return { ok: true, scores, state };
}

/** The 督办通报 of a month: the scores, the ranking and the tasks as they stood on the month's last known day. */
export async function monthlyReport(inputs: PeriodInputs, month: string): Promise<{ ok: true; report: PeriodReport; state: MonthState } | { ok: false; message: string }> {
  const scored = await scoreMonth(inputs, month);
  if (!scored.ok) return scored;
  const { state, scores } = scored;
  const report = buildPeriodReport({
    kind: 'monthly',
    period: month,
    asOf: state.asOf,
    heading: heading(inputs, month),
    views: classifyTasks(state.tasks, state.asOf, inputs.calendar, inputs.options),
    snapshots: state.snapshots.filter((s) => s.date < state.asOf),
    scores,
  });
  return { ok: true, report, state };
}

/** The 周调度 for today: the tasks now, what changed since about a week ago, the overdue trend. */
export async function weeklyReport(inputs: PeriodInputs): Promise<PeriodReport> {
  const { ledger, today, calendar, config } = inputs;
  const store = inputs.store ?? { snapshots: async () => [] };
  const { changes, history } = await changesSince(store, ledger, today, calendar, config.staleAfterWorkdays, 'weekly');
  return buildPeriodReport({
    kind: 'weekly',
    period: `${addDays(today, -6)}~${today}`,
    asOf: today,
    heading: heading(inputs, monthOf(today)),
    views: classifyTasks(ledger.tasks, today, calendar, inputs.options),
    snapshots: history,
    changes: changes ? describeChanges(changes, indexLedger(ledger)) : null,
  });
}

/** The report's heading from report: in the configuration, issued today. */
function heading(inputs: PeriodInputs, month: string): ReportHeading {
  const { report } = inputs.config;
  return { title: report.title, issuer: report.issuer, docNumber: docNumber(report.docNumber, month), issued: inputs.today };
}
