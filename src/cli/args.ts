/**
 * Command-line parsing against the command table: each command takes only its own options, a mistyped command or
 * option gets the nearest one suggested, and every mistake is a Chinese UsageError (exit code 2).
 */
import { parseArgs } from 'node:util';
import { nearestWord } from '../domain/edit-distance.js';
import { isMonth } from '../reports/month.js';
import { COMMAND_NAMES, COMMANDS, type CommandName, type OutputFormat } from './command-table.js';
import { COMMON_OPTIONS, OPTIONS, flag, type OptionName } from './options.js';

export type { CommandName, OutputFormat } from './command-table.js';

export interface CliArgs {
  command: CommandName;
  positionals: string[];
  /** `duban --version`. */
  version: boolean;
  /** The configured ledger to use (ledgers: in the configuration). */
  ledger?: string;
  sheet?: string;
  units?: string;
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
  as?: string;
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

const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];
const PARSE_OPTIONS = Object.fromEntries(
  OPTION_NAMES.map((name) => [name, { type: OPTIONS[name].type, ...(OPTIONS[name].short ? { short: OPTIONS[name].short } : {}) }]),
) as Record<OptionName, { type: 'string' | 'boolean'; short?: string }>;

/** Parses argv (without node and the script path). Throws UsageError with a Chinese message. */
export function parseCommandLine(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv);
  const [first, ...rest] = positionals;
  const given = OPTION_NAMES.filter((name) => values[name] !== undefined);
  if (values.version) return { ...emptyArgs('help'), version: true };
  // `duban --help`, `duban help`, `duban`: the overview; `duban CMD --help`: that command's page.
  const command = first === undefined ? 'help' : commandNamed(first);
  if (values.help) return { ...emptyArgs('help'), positionals: command === 'help' ? rest : [command] };
  checkOptions(command, given);
  for (const name of given) {
    if (OPTIONS[name].type === 'string' && String(values[name]).trim() === '') throw new UsageError(`${flag(name)} 是空的：请给出${(OPTIONS[name].value ?? '值').replace('|', '或')}。`);
  }
  const format = (values.json ? 'json' : (values.format ?? 'text')) as OutputFormat;
  const formats = COMMANDS[command].formats ?? ['text'];
  if (!formats.includes(format)) {
    throw new UsageError(`duban ${command} 的 --format 只能是 ${formats.join(' | ')}，收到 "${format}"。`);
  }
  if (values.month !== undefined && !isMonth(String(values.month))) {
    throw new UsageError(`--month 需要 YYYY-MM 格式的月份，例如 2026-03，收到 "${String(values.month)}"。`);
  }
  const text = (name: OptionName) => values[name] as string | undefined;
  return {
    command,
    positionals: rest,
    version: false,
    ledger: text('ledger'),
    sheet: text('sheet'),
    units: text('units'),
    today: text('today'),
    format,
    send: values.send === true,
    config: text('config'),
    out: text('out'),
    from: text('from'),
    days: text('days'),
    status: text('status'),
    progress: text('progress'),
    note: text('note'),
    by: text('by'),
    task: text('task'),
    unit: text('unit'),
    as: text('as'),
    check: values.check === true,
    force: values.force === true,
    year: text('year'),
    month: text('month'),
    reason: text('reason'),
  };
}

function emptyArgs(command: CommandName): CliArgs {
  return { command, positionals: [], version: false, format: 'text', send: false, check: false, force: false };
}

function parse(argv: string[]): { values: Partial<Record<OptionName, string | boolean>>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = nearestWord(option.replace(/^-+/, ''), OPTION_NAMES);
      throw new UsageError(`不认识的参数 ${option}${near ? `，是不是 ${flag(near)}？` : '。'}运行 duban help 查看用法。`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = option.replace(/^-+/, '') as OptionName;
      const spec = OPTIONS[name] as (typeof OPTIONS)[OptionName] | undefined;
      throw new UsageError(spec?.value ? `${option} 需要一个值（${spec.value}），例如 ${option} ${example(name)}。` : `${option} 后面不能跟值。`);
    }
    throw new UsageError(`参数有误，请运行 duban help 查看用法。`);
  }
}

/** A value to show in the "needs a value" message. */
function example(name: OptionName): string {
  const examples: Partial<Record<OptionName, string>> = { ledger: '双拥', sheet: 'tasks.csv', units: 'units.csv', today: '2022-06-27', from: '2022-06-27', format: 'json', config: 'config/duban.yaml', days: '14', progress: '80%' };
  return examples[name] ?? OPTIONS[name].value ?? '…';
}

/** The command a word names; an unknown one is a UsageError with the nearest command. */
export function commandNamed(word: string): CommandName {
  if ((COMMAND_NAMES as readonly string[]).includes(word)) return word as CommandName;
  const near = nearestWord(word, COMMAND_NAMES);
  throw new UsageError(`不认识的命令 "${word}"${near ? `，是不是 ${near}？` : '。'}可用命令：${COMMAND_NAMES.join('、')}（duban help 查看说明）。`);
}

/** Refuses an option the command does not take, naming the nearest one it does. */
function checkOptions(command: CommandName, given: readonly OptionName[]): void {
  const allowed = new Set<OptionName>([...COMMON_OPTIONS, ...COMMANDS[command].options]);
  if (allowed.has('format')) allowed.add('json');
  for (const name of given) {
    if (allowed.has(name)) continue;
    const near = nearestWord(name, [...allowed]);
    const hint = near ? `是不是 ${flag(near)}？` : `它可用的参数：${[...allowed].map(flag).join(' ')}。`;
    throw new UsageError(`duban ${command} 不接受 ${flag(name)}，${hint}（duban help ${command} 查看用法）`);
  }
}
