/** The graded-warning thresholds (warnings:), their defaults, and the older keys (lights:, dueSoonWorkdays) they replace. */
import { DEFAULT_REPORT_OPTIONS } from '../reports/options.js';
import type { ConfigIssue } from './config-error.js';
import type { DubanConfig } from './schema.js';

/** The thresholds as the reports use them, defaults filled in. */
export interface WarningSettings {
  /** Blue: due within this many working days (default 3). */
  blueWithinWorkdays: number;
  /** Yellow: progress this many points or more behind 序时进度 (default 10). */
  yellowLag: number;
  /** Red: more than this many points behind (default 30). */
  redLag: number;
  /** Red: overdue by more than this many working days (default 5); less is yellow. */
  redOverdueWorkdays: number;
  /** Write the level into the ledger's 预警 column (only when the sheet has one). */
  writeColumn: boolean;
}

/** The defaults are the reports' own (src/reports/options.ts), under the names of the configuration. */
export const DEFAULT_WARNINGS: Readonly<Omit<WarningSettings, 'writeColumn'>> = Object.freeze({
  blueWithinWorkdays: DEFAULT_REPORT_OPTIONS.dueSoonWorkdays,
  yellowLag: DEFAULT_REPORT_OPTIONS.behindPoints,
  redLag: DEFAULT_REPORT_OPTIONS.redBehindPoints,
  redOverdueWorkdays: DEFAULT_REPORT_OPTIONS.redOverdueWorkdays,
});

type WarningConfig = Pick<DubanConfig, 'warnings' | 'lights' | 'dueSoonWorkdays'>;

/** Each older key and the warnings key that replaces it. */
const RENAMED: readonly { old: string; key: keyof typeof DEFAULT_WARNINGS; read: (c: WarningConfig) => number | undefined }[] = [
  { old: 'dueSoonWorkdays', key: 'blueWithinWorkdays', read: (c) => c.dueSoonWorkdays },
  { old: 'lights.behindPoints', key: 'yellowLag', read: (c) => c.lights.behindPoints },
  { old: 'lights.redBehindPoints', key: 'redLag', read: (c) => c.lights.redBehindPoints },
];

/** The settings in force, and the older keys that were read (for a log line asking to rename them). */
export function warningSettings(config: WarningConfig): { settings: WarningSettings; renamed: { old: string; now: string }[] } {
  const settings: WarningSettings = { ...DEFAULT_WARNINGS, writeColumn: config.warnings.writeColumn };
  const renamed: { old: string; now: string }[] = [];
  for (const key of Object.keys(DEFAULT_WARNINGS) as (keyof typeof DEFAULT_WARNINGS)[]) {
    const value = config.warnings[key];
    if (value !== undefined) settings[key] = value;
  }
  for (const { old, key, read } of RENAMED) {
    const value = read(config);
    if (value === undefined || config.warnings[key] !== undefined) continue;
    settings[key] = value;
    renamed.push({ old, now: `warnings.${key}` });
  }
  return { settings, renamed };
}

/** Problems between the warning keys: an older key and its new name set to different values; red below yellow. */
export function warningIssues(config: WarningConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const { old, key, read } of RENAMED) {
    const value = read(config);
    const now = config.warnings[key];
    if (value !== undefined && now !== undefined && value !== now) {
      issues.push({ path: old, message: `是 warnings.${key} 的旧名称，而 warnings.${key} 写的是 ${now}：请删去 ${old}` });
    }
  }
  const { settings } = warningSettings(config);
  if (settings.redLag < settings.yellowLag) {
    const path = config.warnings.redLag === undefined && config.lights.redBehindPoints !== undefined ? 'lights.redBehindPoints' : 'warnings.redLag';
    issues.push({ path, message: `不能小于黄色预警的阈值（${settings.yellowLag} 个百分点）` });
  }
  return issues;
}
