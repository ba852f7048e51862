/**
 * The default of every configuration key that has one. The schema applies them; local mode without a configuration
 * file starts from them directly, so a local command never loads the validator (a test keeps the two equal).
 */

export const CONFIG_DEFAULTS = {
  timezone: 'Asia/Shanghai',
  feishu: {
    domain: 'feishu',
    events: 'ws' as 'ws' | 'http',
    timeoutSeconds: 30,
    http: { port: 8080, path: '/feishu/events' },
    webhooks: {} as Record<string, { url: string; secret?: string }>,
  },
  google: {},
  chats: { allow: [] as string[] },
  schedule: { digest: '0 9 * * *', remind: '30 9 * * *', weekly: '0 16 * * 5', monthly: '0 9 1 * *' },
  sendWindow: { start: '08:00', end: '20:00' },
  reminders: { daysBefore: [3, 1], escalateAfterWorkdays: 5, ackWithinWorkdays: 1, urgent: 'off' as 'off' | 'app' },
  review: {
    reviewers: [] as (string | { name: string; account: string })[],
    requireReview: ['complete', 'extend'] as ('progress' | 'complete' | 'extend')[],
  },
  collect: {},
  // The thresholds themselves default in warnings.ts, where the older lights:/dueSoonWorkdays keys are read too.
  warnings: { writeColumn: false },
  lights: {},
  scoring: { onTime: 40, overdue: 30, extensions: 10, reports: 10, ack: 10 },
  report: { title: '督办通报', issuer: '督查室', docNumber: '督通〔{year}〕{n}号', noticeReplyWorkdays: 3 },
  staleAfterWorkdays: 10,
  calendar: { daysOff: [] as string[], workdays: [] as string[] },
  health: {},
  replicas: { leaseSeconds: 120 },
  dataDir: '.duban',
};
