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
  schedule: { digest: '0 9 * * *', remind: '30 9 * * *', weekly: '0 16 * * 5' },
  sendWindow: { start: '08:00', end: '20:00' },
  reminders: { daysBefore: [3, 1], escalateAfterWorkdays: 5 },
  lights: { behindPoints: 10, redBehindPoints: 30 },
  dueSoonWorkdays: 3,
  staleAfterWorkdays: 10,
  calendar: { daysOff: [] as string[], workdays: [] as string[] },
  health: {},
  dataDir: '.duban',
};
