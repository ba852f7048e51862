/** Command-line parsing: one table of options shared by every command, Chinese usage errors. */
import { parseArgs } from 'node:util';
import { isMonth } from '../reports/month.js';

export const COMMANDS = [
  'digest',
  'remind',
  'ask',
  'validate',
  'chat',
  'import-plan',
  'serve',
  'plan',
  'update',
  'history',
  'requests',
  'approve',
  'reject',
  'chats',
  'store',
  'score',
  'report',
  'notice',
  'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export type OutputFormat = 'text' | 'markdown' | 'card' | 'json' | 'docx' | 'xlsx';

export interface CliArgs {
  command: CommandName;
  positionals: string[];
  sheet?: string;
  units?: string;
  tab?: string;
  today?: string;
  format: OutputFormat;
  send: boolean;
  config?: string;
  out?: string;
  from?: string;
  days?: string;
  status?: string;
  progress?: string;
  note?: string;
  by?: string;
  task?: string;
  unit?: string;
  /** import-plan: show the tasks for review, write nothing. */
  check: boolean;
  /** import-plan: overwrite an existing --out file. */
  force: boolean;
  /** import-plan: the year of dates written without one. */
  year?: string;
  /** reject: why the office sends the request back. */
  reason?: string;
  /** score, report: the month (YYYY-MM). */
  month?: string;
}

/** A mistake in how duban was called; exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  sheet: { type: 'string' },
  units: { type: 'string' },
  tab: { type: 'string' },
  today: { type: 'string' },
  format: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  send: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  out: { type: 'string', short: 'o' },
  from: { type: 'string' },
  days: { type: 'string' },
  status: { type: 'string' },
  progress: { type: 'string' },
  note: { type: 'string' },
  by: { type: 'string' },
  task: { type: 'string' },
  unit: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  year: { type: 'string' },
  month: { type: 'string' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'card', 'json', 'docx', 'xlsx'];
// Word and Excel files are written by the commands that make documents.
const DOCUMENT_COMMANDS: readonly CommandName[] = ['report', 'notice'];

/** Parses argv (without node and the script path). Throws UsageError with a Chinese message. */
export function parseCommandLine(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1];
    throw new UsageError(option ? `不认识的参数 ${option}。运行 duban help 查看用法。` : `参数有误：${message}`);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = (values.help || !first ? 'help' : first) as CommandName;
  if (!COMMANDS.includes(command)) {
    throw new UsageError(`不认识的命令 "${first}"。可用命令：${COMMANDS.join('、')}。`);
  }
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format 只能是 ${FORMATS.join(' | ')}，收到 "${format}"。`);
  }
  if ((format === 'docx' || format === 'xlsx') && !DOCUMENT_COMMANDS.includes(command)) {
    throw new UsageError(`--format ${format} 只用于 ${DOCUMENT_COMMANDS.map((c) => `duban ${c}`).join('、')}。`);
  }
  if (values.month !== undefined && !isMonth(values.month)) {
    throw new UsageError(`--month 需要 YYYY-MM 格式的月份，例如 2026-03，收到 "${values.month}"。`);
  }
  return {
    command,
    positionals: rest,
    sheet: values.sheet,
    units: values.units,
    tab: values.tab,
    today: values.today,
    format: format as OutputFormat,
    send: values.send ?? false,
    config: values.config,
    out: values.out,
    from: values.from,
    days: values.days,
    status: values.status,
    progress: values.progress,
    note: values.note,
    by: values.by,
    task: values.task,
    unit: values.unit,
    check: values.check ?? false,
    force: values.force ?? false,
    year: values.year,
    month: values.month,
    reason: values.reason,
  };
}

export const USAGE = `duban — 督办台账机器人

用法：
  duban digest   [--sheet 路径|URL] [--units 路径] [--today YYYY-MM-DD] [--format text|markdown|card|json] [--send]
  duban remind   [同上]                              今天将发出的提醒（每个群一条）
  duban ask "问题" [--sheet …] [--today …] [--format text|json]
  duban validate [--sheet …] [--format text|json]     表格体检；有错误时退出码为 1
  duban chat     [--sheet …]                          在终端里和机器人对话
  duban import-plan 方案.docx [--check] [--out 台账.csv|.xlsx|在线表格链接] [--force] [--year YYYY] [--units 单位.csv]
                                                      把工作方案（.txt .docx .doc .wps .xlsx .csv）转成台账行
  duban serve                                         定时任务 + 聊天机器人（未配置飞书时为本地模式）
  duban plan     [--from YYYY-MM-DD] [--days N] [--format text|json]   未来的定时发送安排
  duban update 编号 [--status 状态] [--progress 进度] [--note 文字] [--by 姓名]   把进展写回台账
  duban history  [--task 编号] [--unit 单位]          督办记录：提醒、签收、申请、审核、写入，谁在何时
  duban requests [--status pending|approved|rejected|failed] [--json]   待审核的签收/进度/办结/延期申请
  duban approve  R12 [--by 姓名]                     同意申请并写入台账
  duban reject   R12 --reason 原因 [--by 姓名]        退回申请（不写台账，告知联络员）
  duban chats                                         机器人所在的飞书群及其 chat_id
  duban store migrate                                 建立或升级状态数据库的表结构（SQLite 或 PostgreSQL）
  duban store status  [--format text|json]            状态数据库的类型、位置和结构版本
  duban score    [--month YYYY-MM] [--json]           各单位考核得分与排名
  duban report   weekly|monthly [--month YYYY-MM] [--format text|markdown|json|docx|xlsx] [--out 文件] [--send]
                                                      周调度 / 月度督办通报（Word、Excel 文件）
  duban notice   编号 [--out 文件.docx] [--send]       一事一单：督办通知单

通用参数：--config 配置文件（默认 config/duban.yaml 或 DUBAN_CONFIG），--json 等同 --format json。
不带配置文件且未设置飞书凭据时，duban 以本地模式运行在自带的示例台账上，消息输出到终端。`;
