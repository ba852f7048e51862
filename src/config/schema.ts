/**
 * The zod schema of config/duban.yaml: every key, its default (defaults.ts), and what a valid value looks like, said
 * in Chinese. zod is loaded when a configuration is first validated, so a local command without a file never loads it.
 */
import { createRequire } from 'node:module';
import { isIsoDate } from '../calendar/dates.js';
import { isDatabaseUrl } from './database-url.js';
import { CONFIG_DEFAULTS as D } from './defaults.js';

type Zod = typeof import('zod').z;
type Cron = typeof import('node-cron').default;

const require = createRequire(import.meta.url);

/** True for a timezone name Intl knows (canonical names and aliases such as Asia/Chongqing). */
function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function buildSchema(z: Zod, cron: Cron) {
  const isoDate = z.string().refine(isIsoDate, { message: '需要 YYYY-MM-DD 格式的真实日期，例如 2026-06-01' });
  const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: '需要 HH:MM 格式的时间（24 小时制），例如 08:00' });
  const chatId = z.string().min(1, { message: '需要飞书群的 chat_id，例如 oc_xxx（可用 duban chats 查看）' });
  const count = (what: string) => {
    const message = `需要${what}（0 或正整数）`;
    return z.number({ message }).int({ message }).min(0, { message });
  };
  const percentPoints = count('百分点数').max(100, { message: '百分点数不能超过 100' });
  const whole = (min: number, max: number, message: string) => z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
  const port = (min: number, message: string) => whole(min, 65535, message);
  const account = z.string().min(1, { message: '需要飞书账号：open_id、邮箱或手机号' });
  /** A reviewer: an account, or { name, account } so decisions are signed with the name. */
  const reviewer = z.union([account, z.strictObject({ name: z.string().min(1, { message: '需要审核人的姓名' }), account })]);

  /** A cron expression that fires at one fixed minute and hour (day fields free): "0 9 * * *", "0 16 * * 5". */
  const dailyCron = z.string().refine(
    (expr) => {
      if (!cron.validate(expr)) return false;
      const fields = cron.parse(expr);
      const numeric = [...fields.dayOfMonth, ...fields.dayOfWeek].every((v) => typeof v === 'number');
      return fields.minute.length === 1 && fields.hour.length === 1 && numeric;
    },
    { message: '需要只含一个固定“分”和“时”的 cron 表达式，例如 "0 9 * * *"（每天 09:00）或 "0 16 * * 5"（周五 16:00）' },
  );

  const feishu = z.strictObject({
    appId: z.string().optional(),
    appSecret: z.string().optional(),
    domain: z
      .string()
      .refine((v) => v === 'feishu' || v === 'lark' || /^https?:\/\/\S+$/.test(v), {
        message: '只能是 feishu、lark 或开放平台的基础地址（如 https://open.feishu.cn）',
      })
      .default(D.feishu.domain),
    events: z.enum(['ws', 'http'], { message: '只能是 ws（长连接）或 http（事件回调地址）' }).default(D.feishu.events),
    timeoutSeconds: whole(1, 120, '需要秒数（1–120 的整数）').default(D.feishu.timeoutSeconds),
    http: z
      .strictObject({
        port: port(1, '需要端口号（1–65535 的整数）').default(D.feishu.http.port),
        path: z.string().startsWith('/', { message: '需要以 / 开头的路径，例如 /feishu/events' }).default(D.feishu.http.path),
        encryptKey: z.string().optional(),
        verificationToken: z.string().optional(),
      })
      .prefault({}),
    webhooks: z
      .record(
        z.string(),
        z.strictObject({
          url: z.url({ message: '需要群自定义机器人的 webhook 地址（https://open.feishu.cn/open-apis/bot/v2/hook/…）' }),
          secret: z.string().optional(),
        }),
      )
      .default(D.feishu.webhooks),
  });

  return z.strictObject({
    timezone: z.string().refine(isTimezone, { message: '需要时区名称，例如 Asia/Shanghai' }).default(D.timezone),
    sheet: z.string({ message: '需要台账的位置：文件路径或表格链接' }).min(1, { message: '需要台账的位置：文件路径或表格链接' }),
    units: z.string().min(1, { message: '需要单位名录的文件路径或工作表名称；不用时请删去这一项' }).optional(),
    feishu: feishu.prefault({}),
    google: z.strictObject({ credentials: z.string().optional() }).prefault({}),
    chats: z
      .strictObject({
        leaders: chatId.optional(),
        office: chatId.optional(),
        default: chatId.optional(),
        allow: z.array(chatId).default(D.chats.allow),
      })
      .prefault({}),
    schedule: z
      .strictObject({
        digest: dailyCron.default(D.schedule.digest),
        remind: dailyCron.default(D.schedule.remind),
        weekly: dailyCron.default(D.schedule.weekly),
        // The monthly notice (月通报): by default the first working day of each month (a cron day 1 moves to it).
        monthly: dailyCron.default(D.schedule.monthly),
      })
      .prefault({}),
    sendWindow: z.strictObject({ start: clockTime.default(D.sendWindow.start), end: clockTime.default(D.sendWindow.end) }).prefault({}),
    reminders: z
      .strictObject({
        daysBefore: z.array(count('截止前的工作日数')).default(D.reminders.daysBefore),
        escalateAfterWorkdays: count('逾期的工作日数').default(D.reminders.escalateAfterWorkdays),
        ackWithinWorkdays: count('提醒后签收的工作日数').default(D.reminders.ackWithinWorkdays),
        urgent: z.enum(['off', 'app'], { message: '只能是 off 或 app（对升级督办的联络员发飞书应用内加急）' }).default(D.reminders.urgent),
      })
      .prefault({}),
    review: z
      .strictObject({
        reviewers: z.array(reviewer).default(D.review.reviewers),
        requireReview: z
          .array(z.enum(['progress', 'complete', 'extend'], { message: '只能是 progress、complete 或 extend' }))
          .default(D.review.requireReview),
      })
      .prefault({}),
    collect: z
      .strictObject({ day: whole(1, 28, '需要每月的第几天（1–28 的整数）').optional() })
      .prefault({}),
    // Graded warnings (预警); warnings.ts fills the defaults and reads the older keys below.
    warnings: z
      .strictObject({
        blueWithinWorkdays: count('工作日数').optional(),
        yellowLag: percentPoints.optional(),
        redLag: percentPoints.optional(),
        redOverdueWorkdays: count('工作日数').optional(),
        writeColumn: z.boolean({ message: '只能是 true 或 false' }).default(D.warnings.writeColumn),
      })
      .prefault({}),
    // Older names of warnings.yellowLag / redLag and warnings.blueWithinWorkdays, still read (a warning says so).
    lights: z
      .strictObject({ behindPoints: percentPoints.optional(), redBehindPoints: percentPoints.optional() })
      .prefault({}),
    dueSoonWorkdays: count('工作日数').optional(),
    scoring: z
      .strictObject({
        onTime: count('分值').default(D.scoring.onTime),
        overdue: count('分值').default(D.scoring.overdue),
        extensions: count('分值').default(D.scoring.extensions),
        reports: count('分值').default(D.scoring.reports),
        ack: count('分值').default(D.scoring.ack),
      })
      .prefault({}),
    report: z
      .strictObject({
        title: z.string().min(1, { message: '需要通报的标题' }).default(D.report.title),
        issuer: z.string().min(1, { message: '需要发文单位' }).default(D.report.issuer),
        // {year} and {n} (the month's number in the year) are filled in; leave {n} out to number by hand.
        docNumber: z.string().default(D.report.docNumber),
        // A font file with Chinese glyphs for the charts in Word documents (default: a system one such as Noto Sans CJK).
        chartFont: z.string().min(1, { message: '需要字体文件的路径；不用时请删去这一项' }).optional(),
        // 督办通知单: working days the unit has to reply in writing.
        noticeReplyWorkdays: whole(1, 365, '需要工作日数（1–365 的整数）').default(D.report.noticeReplyWorkdays),
      })
      .prefault({}),
    staleAfterWorkdays: count('工作日数').default(D.staleAfterWorkdays),
    calendar: z
      .strictObject({
        daysOff: z.array(isoDate).default(D.calendar.daysOff),
        workdays: z.array(isoDate).default(D.calendar.workdays),
        tab: z.string().min(1, { message: '需要工作表名称；不用时请删去这一项' }).optional(),
      })
      .prefault({}),
    health: z
      .strictObject({ port: port(0, '需要端口号（0–65535 的整数，0 表示自动选择）').optional() })
      .prefault({}),
    // Two replicas on one PostgreSQL: how long a replica holds a run before another may take it over.
    replicas: z
      .strictObject({ leaseSeconds: whole(1, 3600, '需要秒数（1–3600 的整数）').default(D.replicas.leaseSeconds) })
      .prefault({}),
    dataDir: z.string().min(1, { message: '需要保存状态的文件夹路径' }).default(D.dataDir),
    store: z
      .string()
      .refine(isDatabaseUrl, {
        message: '需要 PostgreSQL 地址，例如 postgres://duban@db.example.org:5432/duban（不写 store 时状态保存在 dataDir 下的 SQLite 中）',
      })
      .optional(),
  });
}

type Schema = ReturnType<typeof buildSchema>;

/** The validated configuration, defaults filled in. */
export type DubanConfig = import('zod').z.infer<Schema>;

let built: Schema | null = null;

/** The schema itself, built (zod and node-cron loaded) on first use. */
export function configSchemaObject(): Schema {
  return (built ??= buildSchema((require('zod') as typeof import('zod')).z, require('node-cron') as Cron));
}

/** Parsing with the schema, which is built on first use. */
export const configSchema = {
  parse: (input: unknown): DubanConfig => configSchemaObject().parse(input),
  safeParse: (input: unknown, params?: Parameters<Schema['safeParse']>[1]) => configSchemaObject().safeParse(input, params),
};
