/** The report thresholds (ReportOptions) a configuration sets: warnings:, with the older keys read as aliases. */
import type { ReportOptions } from '../domain/types.js';
import { resolveOptions } from '../reports/options.js';
import type { DubanConfig } from './schema.js';
import { warningSettings } from './warnings.js';

/** ReportOptions from the configuration, and the older keys it read (to be renamed). */
export function reportOptionsOf(config: Pick<DubanConfig, 'warnings' | 'lights' | 'dueSoonWorkdays' | 'reminders'>): {
  options: ReportOptions;
  renamed: { old: string; now: string }[];
} {
  const { settings, renamed } = warningSettings(config);
  const options = resolveOptions({
    dueSoonWorkdays: settings.blueWithinWorkdays,
    behindPoints: settings.yellowLag,
    redBehindPoints: settings.redLag,
    redOverdueWorkdays: settings.redOverdueWorkdays,
    escalateAfterWorkdays: config.reminders.escalateAfterWorkdays,
  });
  return { options, renamed };
}
