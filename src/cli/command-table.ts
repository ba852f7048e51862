/**
 * The one table of duban's commands: what each does, its arguments and options, examples and exit codes.
 * `duban help`, `duban help CMD` / `duban CMD --help` and the README's command table are all rendered from it.
 */
import type { OptionName } from './options.js';

export const COMMAND_NAMES = [
  'digest', 'remind', 'ask', 'validate', 'chat', 'import-plan', 'serve', 'plan', 'update', 'history', 'requests', 'approve', 'reject', 'chats', 'store',
  'score', 'report', 'notice', 'help',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type OutputFormat = 'text' | 'markdown' | 'card' | 'json' | 'docx' | 'xlsx';
export type ExitCode = 0 | 1 | 2 | 3 | 4 | 70;

export interface CommandSpec {
  /** Arguments after the command name, as shown in the usage line ("\"问题\"", "编号"). */
  args?: string;
  /** Chinese, one line: what the command does. */
  summary: string;
  /** Options besides --config and --help, in the order help lists them. */
  options: readonly OptionName[];
  /** Output formats --format accepts (json also as --json); none when the command has one output. */
  formats?: readonly OutputFormat[];
  examples: readonly { command: string; note: string }[];
  /** Exit codes and what each means for this command (0 is always success). */
  exits: Partial<Record<ExitCode, string>>;
}

const ALL_FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'card', 'json'];
const TEXT_OR_JSON: readonly OutputFormat[] = ['text', 'json'];
const LEDGER: readonly OptionName[] = ['ledger', 'sheet', 'units', 'today'];

/** What each exit code means wherever a command does not say more. */
export const EXIT_MEANINGS: Record<ExitCode, string> = {
  0: '成功',
  1: '台账有错误，或读不出任务',
  2: '用法错误：不认识的命令或参数、不存在的日期、超出范围的值',
  3: '配置或台账来源有问题（提示会指出要改哪一项设置）',
  4: '飞书发送失败，或没有配置飞书就用了 --send',
  70: '内部错误（设置 DUBAN_DEBUG=1 查看详情，并反馈给维护人员）',
};

const USAGE_EXITS = { 2: EXIT_MEANINGS[2], 3: EXIT_MEANINGS[3], 70: EXIT_MEANINGS[70] };

export const COMMANDS: Record<CommandName, CommandSpec> = {
  digest: {
    summary: '每日简报：总数、完成率、建议督办、逾期、即将到期、进度滞后、各单位情况',
    options: [...LEDGER, 'format', 'send'],
    formats: ALL_FORMATS,
    examples: [
      { command: 'duban digest --format markdown', note: '今天的简报，Markdown 格式' },
      { command: 'duban digest --send', note: '发到领导群 chats.leaders（每天一次）' },
    ],
    exits: { 1: '台账读不出任务（没有表头，或表头下没有任务行）：不输出、不发送简报', ...USAGE_EXITS, 4: EXIT_MEANINGS[4] },
  },
  remind: {
    summary: '今天要发的提醒：每个群一条，@ 各单位联络员',
    options: [...LEDGER, 'format', 'send'],
    formats: ALL_FORMATS,
    examples: [
      { command: 'duban remind --json', note: '提醒计划（JSON）' },
      { command: 'duban remind --send', note: '发到各单位工作群；缺联络员等问题发到办公室群' },
    ],
    exits: { 1: '台账读不出任务（没有表头，或表头下没有任务行）：不发送提醒', ...USAGE_EXITS, 4: EXIT_MEANINGS[4] },
  },
  ask: {
    args: '"问题"',
    summary: '问一个问题，得到一个回答（中文或英文）',
    options: [...LEDGER, 'format', 'as'],
    formats: ALL_FORMATS,
    examples: [
      { command: 'duban ask "交通局负责哪些任务"', note: '某单位的任务' },
      { command: 'duban ask "我们单位有逾期的吗" --as 区交通局', note: '以区交通局的身份提问' },
      { command: 'duban ask "which tasks does the transport bureau own" --json', note: '英文提问，JSON 输出' },
    ],
    exits: USAGE_EXITS,
  },
  validate: {
    summary: '表格体检：逐行指出日期、状态、编号、单位等问题，以及有任务却没有联络员的单位',
    options: [...LEDGER, 'format'],
    formats: ALL_FORMATS,
    examples: [{ command: 'duban validate --sheet tasks.csv --json', note: '体检结果（JSON）' }],
    exits: { 1: '台账有错误（警告不影响退出码）', ...USAGE_EXITS },
  },
  chat: {
    summary: '在终端里和机器人对话（也可以从管道输入问题），输入“退出”结束',
    options: [...LEDGER, 'as'],
    examples: [
      { command: 'duban chat --sheet tasks.xlsx', note: '在终端里提问' },
      { command: 'echo 哪些任务逾期了 | duban chat', note: '从管道提问' },
    ],
    exits: USAGE_EXITS,
  },
  'import-plan': {
    args: '方案.docx',
    summary: '把工作方案（.txt .docx .doc .wps .xlsx .csv）转成台账行：任务、责任单位、协助单位、完成时限',
    options: ['check', 'out', 'force', 'year', 'units', 'format'],
    formats: TEXT_OR_JSON,
    examples: [
      { command: 'duban import-plan 方案.docx --check', note: '列出找到的任务供核对' },
      { command: 'duban import-plan 方案.docx --out 台账.xlsx', note: '写成新的台账文件（.csv 或 .xlsx；已有文件要加 --force）' },
      { command: 'duban import-plan 方案.docx --out https://docs.google.com/spreadsheets/d/…', note: '追加到在线台账（Google 表格、飞书表格、多维表格）' },
    ],
    exits: { 1: '方案中没有找到任务', 2: '用法错误，或方案文件读不出来（不存在、格式不支持）', 3: '--out 的表格无法写入，或配置有问题', 70: EXIT_MEANINGS[70] },
  },
  serve: {
    summary: '服务：定时发简报和提醒、在飞书群里回答问题（没有配置飞书时为本地模式，输出到终端）',
    options: LEDGER,
    examples: [{ command: 'duban serve', note: '启动服务（npm start 同此）；SIGTERM 时等进行中的回复发完再退出' }],
    exits: { 0: '收到 SIGTERM/SIGINT 后正常退出', ...USAGE_EXITS },
  },
  plan: {
    summary: '未来的发送安排（只在工作日；节假日和调休已算入）',
    options: ['from', 'days', 'format', 'ledger', 'sheet', 'units'],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban plan --from 2026-02-13 --days 14', note: '春节前后两周的安排' }],
    exits: USAGE_EXITS,
  },
  update: {
    args: '编号',
    summary: '把一项任务的状态、进度、进展说明写回台账（只改这几格）',
    options: ['status', 'progress', 'note', 'by', 'today', 'ledger', 'sheet', 'units', 'format'],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban update 6 --progress 80% --note "完成主体施工" --by 张三 --sheet tasks.csv', note: '写回进度和说明' }],
    exits: { 2: '用法错误：缺编号、进度超过 100%、不认识的状态等', 3: '找不到任务、台账无法写入，或配置有问题', 70: EXIT_MEANINGS[70] },
  },
  history: {
    summary: '提醒记录：什么时候提醒了哪个单位哪些任务，是否发出',
    options: ['task', 'unit', 'format', 'ledger'],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban history --unit 区交通局', note: '某单位收到的提醒' }],
    exits: USAGE_EXITS,
  },
  requests: {
    summary: '签收、进度、办结、延期申请及其审核情况（默认只列待审核的）',
    options: ['status', 'task', 'format', 'ledger'],
    formats: TEXT_OR_JSON,
    examples: [
      { command: 'duban requests', note: '待审核的申请' },
      { command: 'duban requests --status approved --task 6 --json', note: '任务 6 已同意的申请（JSON）' },
    ],
    exits: USAGE_EXITS,
  },
  approve: {
    args: 'R编号',
    summary: '同意一项申请：写入台账、更新审核卡片、告知联络员（与群里发“同意 R12”相同）',
    options: ['by', 'format', ...LEDGER],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban approve R12 --by 王主任', note: '同意申请 R12' }],
    exits: { 1: '申请不存在或已经审核过，或写入台账失败', ...USAGE_EXITS },
  },
  reject: {
    args: 'R编号',
    summary: '退回一项申请：不写台账，告知联络员退回原因（与群里发“退回 R12 原因：…”相同）',
    options: ['reason', 'by', 'format', ...LEDGER],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban reject R12 --reason "佐证材料不全" --by 王主任', note: '退回申请 R12' }],
    exits: { 1: '申请不存在或已经审核过', ...USAGE_EXITS },
  },
  chats: {
    summary: '机器人所在的飞书群及其 chat_id（填写配置用）',
    options: ['format'],
    formats: TEXT_OR_JSON,
    examples: [{ command: 'duban chats', note: '列出群和 chat_id' }],
    exits: { 2: EXIT_MEANINGS[2], 3: '没有配置飞书应用凭据', 4: '飞书接口调用失败', 70: EXIT_MEANINGS[70] },
  },
  store: {
    args: 'migrate|status',
    summary: '状态数据库（SQLite 或 PostgreSQL）：migrate 建立或升级表结构，status 查看类型、位置和结构版本',
    options: ['format'],
    formats: TEXT_OR_JSON,
    examples: [
      { command: 'duban store migrate', note: '建立或升级表结构' },
      { command: 'duban store status --json', note: '数据库类型和结构版本（JSON）' },
    ],
    exits: { 2: '缺少或不认识的子命令', 3: '数据库无法连接或无法使用（提示会指出原因）', 70: EXIT_MEANINGS[70] },
  },
  score: {
    summary: '各单位考核得分与排名：按时办结、逾期、延期、漏报进度、签收时间',
    options: ['month', ...LEDGER, 'format'],
    formats: ALL_FORMATS,
    examples: [{ command: 'duban score --month 2026-03', note: '三月的得分与排名' }],
    exits: USAGE_EXITS,
  },
  report: {
    args: 'weekly|monthly',
    summary: '周调度 / 月度督办通报：文本、Markdown、JSON，或 Word、Excel 文件',
    options: ['month', ...LEDGER, 'format', 'out', 'send'],
    formats: [...ALL_FORMATS, 'docx', 'xlsx'],
    examples: [
      { command: 'duban report monthly --month 2026-03 --format docx --out 通报.docx', note: '三月督办通报（Word）' },
      { command: 'duban report weekly --send', note: '把周调度发到领导群' },
    ],
    exits: { ...USAGE_EXITS, 4: EXIT_MEANINGS[4] },
  },
  notice: {
    args: '编号',
    summary: '一事一单：给一项逾期任务生成督办通知单（Word），可发到责任单位的群',
    options: [...LEDGER, 'format', 'out', 'send'],
    formats: [...ALL_FORMATS, 'docx'],
    examples: [{ command: 'duban notice 6 --out 通知单.docx', note: '任务 6 的督办通知单' }],
    exits: { ...USAGE_EXITS, 4: EXIT_MEANINGS[4] },
  },
  help: {
    args: '[命令]',
    summary: '用法；duban help 命令 显示该命令的参数、示例和退出码',
    options: [],
    examples: [{ command: 'duban help remind', note: 'remind 的用法' }],
    exits: { 2: '不认识的命令' },
  },
};
