/** The command table as help text (`duban help`, `duban help CMD`) and as the README's command section (markdown). */
import { COMMAND_NAMES, COMMANDS, EXIT_MEANINGS, type CommandName, type CommandSpec, type ExitCode } from './command-table.js';
import { COMMON_OPTIONS, OPTIONS, flag, type OptionName } from './options.js';
import { displayWidth, padDisplay } from '../render/width.js';

/** "duban digest [--sheet 路径|链接] …": the usage line of a command. */
export function usageLine(name: CommandName): string {
  const spec = COMMANDS[name];
  const options = spec.options.filter((o) => o !== 'json').map((o) => `[${optionUsage(o, spec)}]`);
  return ['duban', name, ...(spec.args ? [spec.args] : []), ...options].join(' ');
}

function optionUsage(name: OptionName, spec: CommandSpec): string {
  if (name === 'format') return `--format ${(spec.formats ?? ['text']).join('|')}`;
  const option = OPTIONS[name];
  return option.value ? `${flag(name)} ${option.value}` : flag(name);
}

/** `duban help`: every command with its summary, the common options and the exit codes. */
export function overviewText(version: string): string {
  const width = COMMAND_NAMES.reduce((max, n) => Math.max(max, n.length), 0);
  return [
    `duban ${version} — 督办台账机器人`,
    '',
    '用法：duban 命令 [参数]',
    '',
    '命令：',
    ...COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    '通用参数：',
    ...[...COMMON_OPTIONS, 'version' as const].map((o) => `  ${padDisplay(flagWithShort(o), 16, 'left')}  ${OPTIONS[o].help}`),
    '',
    '退出码：',
    ...exitLines(Object.keys(EXIT_MEANINGS).map(Number) as ExitCode[], {}),
    '',
    'duban help 命令（或 duban 命令 --help）显示该命令的参数、示例和退出码。',
    '没有配置文件、也没有飞书凭据时，duban 以本地模式运行在自带的示例台账上，消息输出到终端。',
  ].join('\n');
}

/** `duban help CMD`: the usage line, options, examples and exit codes of one command. */
export function commandHelpText(name: CommandName): string {
  const spec = COMMANDS[name];
  const options = [...spec.options, ...COMMON_OPTIONS];
  const width = options.reduce((max, o) => Math.max(max, displayWidth(flagWithShort(o))), 0);
  return [
    `duban ${name} — ${spec.summary}`,
    '',
    `用法：${usageLine(name)}`,
    '',
    '参数：',
    ...options.map((o) => `  ${padDisplay(flagWithShort(o), width, 'left')}  ${optionHelp(o, spec)}`),
    '',
    '示例：',
    ...spec.examples.map((e) => `  ${e.command}\n      ${e.note}`),
    '',
    '退出码：',
    ...exitLines(exitCodes(spec), spec.exits),
  ].join('\n');
}

function optionHelp(name: OptionName, spec: CommandSpec): string {
  if (name === 'format') return `输出格式：${(spec.formats ?? ['text']).join('、')}（--json 等同 --format json）`;
  return OPTIONS[name].help;
}

function flagWithShort(name: OptionName): string {
  const option = OPTIONS[name];
  return `${option.short ? `-${option.short}, ` : ''}${flag(name)}${option.value ? ` ${option.value}` : ''}`;
}

/** 0 first, then the command's own codes in order. */
function exitCodes(spec: CommandSpec): ExitCode[] {
  return [0, ...(Object.keys(spec.exits).map(Number) as ExitCode[]).filter((c) => c !== 0).sort((a, b) => a - b)];
}

function exitLines(codes: readonly ExitCode[], own: CommandSpec['exits']): string[] {
  return codes.map((code) => `  ${String(code).padStart(2)}  ${own[code] ?? EXIT_MEANINGS[code]}`);
}

/** The README's command table and exit codes (scripts/commands-doc.mjs writes it; a test keeps it current). */
export function commandsMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = COMMAND_NAMES.map((name) => {
    const spec = COMMANDS[name];
    return `| \`${cell(usageLine(name))}\` | ${cell(spec.summary)} | \`${cell(spec.examples[0].command)}\` |`;
  });
  const codes = (Object.keys(EXIT_MEANINGS).map(Number) as ExitCode[]).map((code) => `| ${code} | ${cell(EXIT_MEANINGS[code])} |`);
  return [
    '| command | what it does | example |',
    '|---|---|---|',
    ...rows,
    '',
    '`duban help CMD` (or `duban CMD --help`) prints a command\'s options, examples and exit codes; `duban --version` the version.',
    '',
    '| exit code | meaning |',
    '|---|---|',
    ...codes,
  ].join('\n');
}
