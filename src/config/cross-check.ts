/** Checks that involve several keys at once (run after each key is valid on its own). */
import { createRequire } from 'node:module';
import type { ConfigIssue } from './config-error.js';
import type { DubanConfig } from './schema.js';
import { warningIssues } from './warnings.js';

// node-cron is loaded on first use: a local command without a configuration file never needs it.
const cron = (): typeof import('node-cron').default => createRequire(import.meta.url)('node-cron') as typeof import('node-cron').default;

/** The fixed "HH:MM" a daily cron expression fires at (the schema guarantees one minute and one hour). */
export function cronClockTime(expr: string): string {
  const fields = cron().parse(expr);
  return `${String(fields.hour[0]).padStart(2, '0')}:${String(fields.minute[0]).padStart(2, '0')}`;
}

/** Problems between keys: the send window, schedules outside it, thresholds, overrides, half-set credentials, an open callback. */
export function crossCheck(config: DubanConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { start, end } = config.sendWindow;
  if (start >= end) issues.push({ path: 'sendWindow', message: `开始时间要早于结束时间，现在是 ${start}–${end}` });
  for (const [job, expr] of Object.entries(config.schedule)) {
    const at = cronClockTime(expr);
    if (at < start || at >= end) issues.push({ path: `schedule.${job}`, message: `在 ${at} 发送，不在发送时段 sendWindow ${start}–${end} 之内` });
  }
  issues.push(...warningIssues(config));
  const off = new Set(config.calendar.daysOff);
  config.calendar.workdays.forEach((date, i) => {
    if (off.has(date)) issues.push({ path: `calendar.workdays[${i}]`, message: `${date} 同时列在 calendar.daysOff 中，请只保留一处` });
  });
  const { appId, appSecret, events, http } = config.feishu;
  // Without either, anyone who finds the callback URL could post events as a liaison and write to the ledger.
  if (events === 'http' && !http.encryptKey && !http.verificationToken) {
    issues.push({ path: 'feishu.http.encryptKey', message: '缺少：events: http 时需要 feishu.http.encryptKey（FEISHU_ENCRYPT_KEY）或 feishu.http.verificationToken（FEISHU_VERIFICATION_TOKEN），否则伪造的事件也会被接受' });
  }
  // The long connection silently stays idle for any other App ID form (the SDK checks it no further): say so at start-up instead.
  if (appId && events === 'ws' && !/^cli_[0-9a-fA-F]{16}$/.test(appId)) {
    issues.push({ path: 'feishu.appId', message: '需要开发者后台“凭证与基础信息”中的 App ID：cli_ 加 16 位十六进制字符' });
  }
  if (Boolean(appId) !== Boolean(appSecret)) {
    const [missing, given, variable] = appId ? ['appSecret', 'appId', 'FEISHU_APP_SECRET'] : ['appId', 'appSecret', 'FEISHU_APP_ID'];
    issues.push({ path: `feishu.${missing}`, message: `缺少：设置了 feishu.${given} 时也需要 feishu.${missing}（或环境变量 ${variable}）` });
  }
  return issues;
}
