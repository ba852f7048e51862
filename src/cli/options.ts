/** Every command-line option once: how it is parsed, and what `duban help` says about it. */

export type OptionName =
  | 'ledger' | 'sheet' | 'units' | 'today' | 'format' | 'json' | 'send' | 'config' | 'out' | 'from' | 'days'
  | 'status' | 'progress' | 'note' | 'by' | 'task' | 'unit' | 'as' | 'check' | 'force' | 'year' | 'month' | 'reason' | 'help' | 'version';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help ("PATH|URL"); none for a flag. */
  value?: string;
  /** Chinese, one line. */
  help: string;
}

export const OPTIONS: Record<OptionName, OptionSpec> = {
  ledger: { type: 'string', value: '名称', help: '配置了多个台账（ledgers:）时，用哪一个（名称或别名）；只有一个台账时不用写' },
  sheet: { type: 'string', value: '路径|链接', help: '台账：CSV/XLSX 文件，或 Google 表格、飞书表格、多维表格的链接（默认：配置中的 sheet:，没有配置时用自带示例）' },
  units: { type: 'string', value: '路径|工作表', help: '单位名录：文件，或同一表格中的工作表名称（默认：配置中的 units:，或台账旁的 units.csv）' },
  today: { type: 'string', value: 'YYYY-MM-DD', help: '按哪一天计算（默认：今天；自带示例默认按示例方案中的日期）' },
  format: { type: 'string', short: 'f', value: '格式', help: '输出格式' },
  json: { type: 'boolean', help: '等同 --format json' },
  send: { type: 'boolean', help: '发到飞书群（每天只发一次，重复运行不会重复发送）' },
  config: { type: 'string', short: 'c', value: '路径', help: '配置文件（默认：config/duban.yaml，或环境变量 DUBAN_CONFIG）' },
  out: { type: 'string', short: 'o', value: '文件', help: '写入的文件' },
  from: { type: 'string', value: 'YYYY-MM-DD', help: '从哪一天起（默认：今天）' },
  days: { type: 'string', value: 'N', help: '看多少天（1–366，默认 14）' },
  status: { type: 'string', value: '状态', help: '状态：未开始、进行中、已完成、暂缓 或 已延期' },
  progress: { type: 'string', value: '进度', help: '进度百分比，0%–100%，例如 80%' },
  note: { type: 'string', value: '文字', help: '进展说明（追加到“进展情况”，带日期和姓名，不覆盖原有内容）' },
  by: { type: 'string', value: '姓名', help: '填报人' },
  task: { type: 'string', value: '编号', help: '只看这项任务' },
  unit: { type: 'string', value: '单位', help: '只看这个单位' },
  as: { type: 'string', value: '单位', help: '以这个单位的身份提问（“我们单位的任务”“我的任务”按它回答）' },
  check: { type: 'boolean', help: '只列出找到的任务供核对，不写入' },
  force: { type: 'boolean', help: '--out 的文件已存在时覆盖它' },
  year: { type: 'string', value: 'YYYY', help: '方案中没写年份的日期按这一年' },
  month: { type: 'string', value: 'YYYY-MM', help: '统计哪个月（默认：本月）' },
  reason: { type: 'string', value: '原因', help: '退回的原因（会告知联络员）' },
  help: { type: 'boolean', short: 'h', help: '显示这个命令的用法' },
  version: { type: 'boolean', short: 'V', help: '显示 duban 的版本' },
};

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionName[] = ['config', 'help'];

/** `--flag` for an option name. */
export const flag = (name: OptionName): string => `--${name}`;
