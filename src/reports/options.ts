/** The report thresholds (due soon, behind schedule, escalation) and their defaults. */
import type { ReportOptions } from '../domain/types.js';

/** The thresholds used when an office sets none (offices use 10–30 points of lag for yellow and red). */
export const DEFAULT_REPORT_OPTIONS: ReportOptions = Object.freeze({
  dueSoonWorkdays: 3,
  behindPoints: 10,
  redBehindPoints: 30,
  escalateAfterWorkdays: 5,
  redOverdueWorkdays: 5,
});

/** Fills the missing (or undefined) thresholds with the defaults. */
export function resolveOptions(partial?: Partial<ReportOptions> | null): ReportOptions {
  const result: ReportOptions = { ...DEFAULT_REPORT_OPTIONS };
  if (!partial) return result;
  for (const key of Object.keys(result) as (keyof ReportOptions)[]) {
    const value = partial[key];
    if (typeof value === 'number' && Number.isFinite(value)) result[key] = value;
  }
  return result;
}
