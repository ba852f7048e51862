/** The zod schema of config/duban.yaml: every key, its default, and what a valid value looks like. */
import { z } from 'zod';
import cron from 'node-cron';
import { isIsoDate } from '../calendar/dates.js';
import { isDatabaseUrl } from './database-url.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });
const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'expected a time as HH:MM (24-hour)' });
const chatId = z.string().min(1, { message: 'expected a Feishu chat_id such as oc_xxx' });
/** A reviewer: an account (open_id, email or mobile), or { name, account } so decisions are signed with the name. */
const reviewer = z.union([
  z.string().min(1, { message: 'expected an open_id, email or mobile' }),
  z.strictObject({ name: z.string().min(1), account: z.string().min(1, { message: 'expected an open_id, email or mobile' }) }),
]);
const count = (what: string) => z.number({ message: `expected a whole number of ${what}` }).int().min(0);

/** True for a timezone name Intl knows (canonical names and aliases such as Asia/Chongqing). */
function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A cron expression that fires at one fixed minute and hour (day fields free): "0 9 * * *", "0 16 * * 5". */
const dailyCron = z.string().refine(
  (expr) => {
    if (!cron.validate(expr)) return false;
    const fields = cron.parse(expr);
    const numeric = [...fields.dayOfMonth, ...fields.dayOfWeek].every((v) => typeof v === 'number');
    return fields.minute.length === 1 && fields.hour.length === 1 && numeric;
  },
  { message: 'expected a cron expression with one fixed minute and hour, e.g. "0 9 * * *" or "0 16 * * 5"' },
);

export const feishuSchema = z.strictObject({
  appId: z.string().optional(),
  appSecret: z.string().optional(),
  domain: z
    .string()
    .refine((v) => v === 'feishu' || v === 'lark' || /^https?:\/\/\S+$/.test(v), {
      message: 'expected feishu, lark or a base URL such as https://open.feishu.cn',
    })
    .default('feishu'),
  events: z.enum(['ws', 'http'], { message: 'expected ws (long connection) or http (callback URL)' }).default('ws'),
  http: z
    .strictObject({
      port: z.number().int().min(1).max(65535, { message: 'expected a TCP port 1–65535' }).default(8080),
      path: z.string().startsWith('/', { message: 'expected a URL path starting with /' }).default('/feishu/events'),
      encryptKey: z.string().optional(),
      verificationToken: z.string().optional(),
    })
    .prefault({}),
  webhooks: z
    .record(
      z.string(),
      z.strictObject({
        url: z.url({ message: 'expected the webhook URL of a custom group bot' }),
        secret: z.string().optional(),
      }),
    )
    .default({}),
});

export const configSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isTimezone, {
      message: 'expected an IANA timezone such as Asia/Shanghai',
    })
    .default('Asia/Shanghai'),
  sheet: z.string().min(1, { message: 'expected a path or URL of the ledger' }),
  units: z.string().min(1).optional(),
  feishu: feishuSchema.prefault({}),
  google: z.strictObject({ credentials: z.string().optional() }).prefault({}),
  chats: z
    .strictObject({
      leaders: chatId.optional(),
      office: chatId.optional(),
      default: chatId.optional(),
      allow: z.array(chatId).default([]),
    })
    .prefault({}),
  schedule: z
    .strictObject({
      digest: dailyCron.default('0 9 * * *'),
      remind: dailyCron.default('30 9 * * *'),
      weekly: dailyCron.default('0 16 * * 5'),
      // The monthly notice (月通报): by default the first working day of each month (a cron day 1 moves to it).
      monthly: dailyCron.default('0 9 1 * *'),
    })
    .prefault({}),
  sendWindow: z.strictObject({ start: clockTime.default('08:00'), end: clockTime.default('20:00') }).prefault({}),
  reminders: z
    .strictObject({
      daysBefore: z.array(count('working days before the deadline')).default([3, 1]),
      escalateAfterWorkdays: count('working days overdue').default(5),
      ackWithinWorkdays: count('working days to acknowledge a reminder').default(1),
      urgent: z.enum(['off', 'app'], { message: 'expected off or app (Feishu in-app 加急 for escalated liaisons)' }).default('off'),
    })
    .prefault({}),
  review: z
    .strictObject({
      reviewers: z.array(reviewer).default([]),
      requireReview: z
        .array(z.enum(['progress', 'complete', 'extend'], { message: 'expected progress, complete or extend' }))
        .default(['complete', 'extend']),
    })
    .prefault({}),
  collect: z
    .strictObject({ day: z.number({ message: 'expected a day of the month, 1–28' }).int().min(1).max(28, { message: 'expected a day of the month, 1–28' }).optional() })
    .prefault({}),
  // Graded warnings (预警); src/config/warnings.ts fills the defaults and reads the older keys below.
  warnings: z
    .strictObject({
      blueWithinWorkdays: count('working days').optional(),
      yellowLag: count('percentage points').max(100).optional(),
      redLag: count('percentage points').max(100).optional(),
      redOverdueWorkdays: count('working days').optional(),
      writeColumn: z.boolean({ message: 'expected true or false' }).default(false),
    })
    .prefault({}),
  // Older names of warnings.yellowLag / redLag and warnings.blueWithinWorkdays, still read (a warning says so).
  lights: z
    .strictObject({
      behindPoints: count('percentage points').max(100).optional(),
      redBehindPoints: count('percentage points').max(100).optional(),
    })
    .prefault({}),
  dueSoonWorkdays: count('working days').optional(),
  scoring: z
    .strictObject({
      onTime: count('points').default(40),
      overdue: count('points').default(30),
      extensions: count('points').default(10),
      reports: count('points').default(10),
      ack: count('points').default(10),
    })
    .prefault({}),
  report: z
    .strictObject({
      title: z.string().min(1).default('督办通报'),
      issuer: z.string().min(1).default('督查室'),
      // {year} and {n} (the month's number in the year) are filled in; leave {n} out to number by hand.
      docNumber: z.string().default('督通〔{year}〕{n}号'),
      // A font file with Chinese glyphs for the charts in Word documents (default: a system one such as Noto Sans CJK).
      chartFont: z.string().min(1).optional(),
      // 督办通知单: working days the unit has to reply in writing.
      noticeReplyWorkdays: count('working days').min(1).default(3),
    })
    .prefault({}),
  staleAfterWorkdays: count('working days').default(10),
  calendar: z
    .strictObject({
      daysOff: z.array(isoDate).default([]),
      workdays: z.array(isoDate).default([]),
      tab: z.string().min(1).optional(),
    })
    .prefault({}),
  health: z
    .strictObject({ port: z.number().int().min(0).max(65535, { message: 'expected a TCP port 0–65535' }).optional() })
    .prefault({}),
  dataDir: z.string().min(1).default('.duban'),
  store: z
    .string()
    .refine(isDatabaseUrl, {
      message: 'expected a PostgreSQL URL such as postgres://duban@db.example.org:5432/duban (leave store out to keep the state in SQLite under dataDir)',
    })
    .optional(),
});

/** The validated configuration, defaults filled in. */
export type DubanConfig = z.infer<typeof configSchema>;
