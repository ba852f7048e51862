/** Checks that involve several keys at once (run after each key is valid on its own). */
import cron from 'node-cron';
import type { ConfigIssue } from './config-error.js';
import type { DubanConfig } from './schema.js';
import { warningIssues } from './warnings.js';

/** The fixed "HH:MM" a daily cron expression fires at (the schema guarantees one minute and one hour). */
export function cronClockTime(expr: string): string {
  const fields = cron.parse(expr);
  return `${String(fields.hour[0]).padStart(2, '0')}:${String(fields.minute[0]).padStart(2, '0')}`;
}

/** Problems between keys: the send window, schedules outside it, thresholds, overrides, half-set credentials, an open callback. */
export function crossCheck(config: DubanConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { start, end } = config.sendWindow;
  if (start >= end) issues.push({ path: 'sendWindow', message: `expected start before end, got ${start}–${end}` });
  for (const [job, expr] of Object.entries(config.schedule)) {
    const at = cronClockTime(expr);
    if (at < start || at >= end) issues.push({ path: `schedule.${job}`, message: `fires at ${at}, outside sendWindow ${start}–${end}` });
  }
  issues.push(...warningIssues(config));
  const off = new Set(config.calendar.daysOff);
  config.calendar.workdays.forEach((date, i) => {
    if (off.has(date)) issues.push({ path: `calendar.workdays[${i}]`, message: `${date} is also listed in calendar.daysOff` });
  });
  const { appId, appSecret, events, http } = config.feishu;
  // Without either, anyone who finds the callback URL could post events as a liaison and write to the ledger.
  if (events === 'http' && !http.encryptKey && !http.verificationToken) {
    issues.push({ path: 'feishu.http.encryptKey', message: 'expected feishu.http.encryptKey (FEISHU_ENCRYPT_KEY) or feishu.http.verificationToken (FEISHU_VERIFICATION_TOKEN) with events: http, so forged events are refused' });
  }
  // The long connection silently stays idle for any other App ID form (the SDK checks it no further): say so at start-up instead.
  if (appId && events === 'ws' && !/^cli_[0-9a-fA-F]{16}$/.test(appId)) {
    issues.push({ path: 'feishu.appId', message: 'expected the App ID from the developer console: "cli_" followed by 16 hex characters' });
  }
  if (Boolean(appId) !== Boolean(appSecret)) {
    issues.push({ path: appId ? 'feishu.appSecret' : 'feishu.appId', message: 'expected both feishu.appId and feishu.appSecret, or neither' });
  }
  return issues;
}
