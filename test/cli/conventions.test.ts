/** The command line as a new user meets it: help, version, suggestions, clear sentences for mistakes, exit codes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/command-table.js';
import { commandsMarkdown } from '../../src/cli/help-text.js';
import { packageRoot } from '../../src/config/package-root.js';
import { runDuban } from '../support/run-cli.js';

const VERSION = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
const LEDGER = '\uFEFF编号,任务,责任单位,截止日期,状态,进度,进展情况,更新时间\n1,修缮双拥公园,区城管局,2022-06-30,进行中,60%,,2022-06-01\n2,走访慰问,区民政局,2022-07-31,进行中,30%,,\n';

function ledgerCopy(text = LEDGER): string {
  const sheet = join(mkdtempSync(join(tmpdir(), 'duban-conventions-')), 'tasks.csv');
  writeFileSync(sheet, text);
  return sheet;
}

describe('help and version', () => {
  it('duban --version prints the package version', async () => {
    const run = await runDuban(['--version']);
    expect([run.code, run.stdout]).toEqual([0, `duban ${VERSION}\n`]);
  });

  it('duban help lists every command with its summary and the exit codes', async () => {
    const run = await runDuban(['help']);
    expect(run.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(run.stdout).toContain('  4  飞书发送失败，或没有配置飞书就用了 --send');
  });

  it.each(COMMAND_NAMES.filter((name) => name !== 'help'))('duban help %s and the command with --help print the same page', async (name) => {
    const [help, flag] = [await runDuban(['help', name]), await runDuban([name, '--help'])];
    expect(help.code).toBe(0);
    expect(flag.stdout).toBe(help.stdout);
    expect(help.stdout).toContain(`用法：duban ${name}`);
    expect(help.stdout).toContain('示例：');
    expect(help.stdout).toMatch(/退出码：\n {3}0  /);
  });

  it('shows a command\'s own options, examples and exit codes', async () => {
    const run = await runDuban(['help', 'update']);
    expect(run.stdout).toContain('用法：duban update 编号 [--status 状态] [--progress 进度] [--note 文字] [--by 姓名] [--today YYYY-MM-DD] [--ledger 名称] [--sheet 路径|链接] [--units 路径|工作表] [--format text|json]');
    expect(run.stdout).toContain('  duban update 6 --progress 80% --note "完成主体施工" --by 张三 --sheet tasks.csv\n');
    expect(run.stdout).toContain('   2  用法错误：缺编号、进度超过 100%、不认识的状态等\n');
  });

  it('the README\'s command table is the one help prints from', () => {
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
    const section = /<!-- commands:start -->\n([\s\S]*?)\n<!-- commands:end -->/.exec(readme)?.[1];
    expect(section).toBe(commandsMarkdown());
  });
});

describe('mistakes get a sentence and exit code 2', () => {
  it.each([
    [['diegst'], '不认识的命令 "diegst"，是不是 digest？'],
    [['remnid', '--json'], '不认识的命令 "remnid"，是不是 remind？'],
    [['digest', '--shet', 'x.csv'], '不认识的参数 --shet，是不是 --sheet？运行 duban help 查看用法。'],
    [['digest', '--todya', '2022-06-27'], '不认识的参数 --todya，是不是 --today？运行 duban help 查看用法。'],
    [['history', '--unti', '区交通局'], '不认识的参数 --unti，是不是 --unit？运行 duban help 查看用法。'],
    [['digest', '--out', 'x.txt'], 'duban digest 不接受 --out，它可用的参数：--config --help --ledger --sheet --units --today --format --send --json。（duban help digest 查看用法）'],
    [['ask', '哪些任务逾期了', '--unit', '区交通局'], 'duban ask 不接受 --unit，是不是 --units？（duban help ask 查看用法）'],
    [['digest', '--today', '2022-02-30'], '--today：2022-02-30 这一天不存在，2022 年 2 月只有 28 天。'],
    [['digest', '--today', '2022-13-01'], '--today：2022-13-01 这一天不存在，月份只能是 1–12。'],
    [['digest', '--today', '27/06/2022'], '--today 需要 YYYY-MM-DD 格式的日期，例如 2022-06-27，收到 "27/06/2022"。'],
    [['plan', '--from', '2023-02-29'], '--from：2023-02-29 这一天不存在，2023 年 2 月只有 28 天。'],
    [['digest', '--sheet', ''], '--sheet 是空的：请给出路径或链接。'],
    [['digest', '--sheet'], '--sheet 需要一个值（路径|链接），例如 --sheet tasks.csv。'],
    [['plan', '--format', 'card'], 'duban plan 的 --format 只能是 text | json，收到 "card"。'],
    [['help', 'digets'], '不认识的命令 "digets"，是不是 digest？'],
  ])('duban %j', async (argv, message) => {
    const run = await runDuban(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('a folder as --sheet names the ledgers in it, not EISDIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-folder-'));
    writeFileSync(join(dir, 'tasks.csv'), LEDGER);
    const run = await runDuban(['digest', '--sheet', dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`${dir} 是文件夹，不是台账文件：请给出其中的台账文件，例如 ${join(dir, 'tasks.csv')}\n`);
  });

  it('update refuses progress over 100% and leaves the ledger as it was', async () => {
    const sheet = ledgerCopy();
    const run = await runDuban(['update', '1', '--progress', '120%', '--sheet', sheet]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('--progress 只能在 0% 到 100% 之间，收到 "120%"。\n');
    expect(readFileSync(sheet, 'utf8')).toBe(LEDGER);
  });
});

describe('update points out what looks wrong', () => {
  it('progress going backwards', async () => {
    const sheet = ledgerCopy();
    const run = await runDuban(['update', '1', '--progress', '40%', '--today', '2022-06-20', '--sheet', sheet]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('提示：进度从 60% 降到了 40%：如果不是笔误，请在进展说明中写明原因\n');
  });

  it('已完成 with progress under 100%, given or already in the ledger', async () => {
    const sheet = ledgerCopy();
    const kept = await runDuban(['update', '2', '--status', '已完成', '--today', '2022-06-20', '--sheet', sheet]);
    expect(kept.stderr).toBe('提示：状态是已完成，但进度只有 30%：请把进度改为 100%（--progress 100%），或核对状态\n');
    const given = await runDuban(['update', '1', '--status', '已完成', '--progress', '90%', '--today', '2022-06-20', '--sheet', sheet, '--json']);
    expect(given.json().warnings).toEqual(['状态是已完成，但进度只有 90%：请把进度改为 100%（--progress 100%），或核对状态']);
    const fine = await runDuban(['update', '1', '--status', '已完成', '--progress', '100%', '--today', '2022-06-21', '--sheet', sheet]);
    expect([fine.code, fine.stderr]).toEqual([0, '']);
  });
});

describe('output stays clean when redirected', () => {
  it.each(['text', 'markdown', 'json', 'card'])('the example-date notice goes to stderr in --format %s', async (format) => {
    const run = await runDuban(['digest', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('示例台账：按 2022-06-27 计算（示例方案的实施期内；用 --today YYYY-MM-DD 指定其他日期）\n');
    expect(run.stdout).not.toContain('示例台账');
  });
});

describe('a ledger that cannot be read as a ledger', () => {
  it.each([
    ['no header row', '走访慰问,区民政局,2022-06-30\n表彰大会,区委宣传部,2022-08-01\n'],
    ['a header and no task', '编号,任务,责任单位,截止日期\n'],
  ])('%s: digest and remind exit 1, print nothing and send nothing', async (_what, text) => {
    const sheet = ledgerCopy(text);
    for (const command of ['digest', 'remind']) {
      const run = await runDuban([command, '--sheet', sheet, '--today', '2022-06-27']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`台账 ${sheet} 中读不出任务，没有生成简报或提醒，也没有发送：`);
      expect(run.stderr).toContain('运行 duban validate 查看完整的体检结果。');
    }
  });
});

describe('validate', () => {
  it('reports a unit that leads tasks but has no liaison account', async () => {
    const run = await runDuban(['validate', '--json']);
    expect(run.code).toBe(0);
    const gaps = run.json().problems.filter((p: { code: string }) => p.code === 'no_liaison');
    expect(gaps).toEqual([
      {
        row: null, column: '联络员账号', severity: 'warning', code: 'no_liaison', sheet: '单位通讯录',
        message: '单位「区住房城乡建委」牵头 1 项任务，但单位通讯录中没有它的联络员账号，提醒无法 @ 到人；请填写联络员和联络员账号（飞书 open_id、邮箱或手机号）',
      },
    ]);
  });

  it('says once when there is no unit directory at all', async () => {
    const run = await runDuban(['validate', '--json', '--sheet', ledgerCopy()]);
    const gaps = run.json().problems.filter((p: { code: string }) => p.code === 'no_liaison');
    expect(gaps.map((p: { message: string }) => p.message)).toEqual([
      '没有单位通讯录：2 个责任单位（区城管局、区民政局）的提醒都无法 @ 到联络员；请在台账旁放 units.csv、在表格中加“单位”工作表，或用 --units 指定',
    ]);
  });
});

describe('ask and chat --as', () => {
  it('answers "我们单位" for the unit named, found through the directory', async () => {
    const run = await runDuban(['ask', '我们单位有哪些任务', '--as', '交通局', '--json']);
    expect(run.code).toBe(0);
    expect(run.json().units).toEqual(['区交通局']);
    expect(run.json().tasks.map((t: { id: string }) => t.id)).toEqual(['1']);
  });

  it('an unknown unit is a usage error naming near names', async () => {
    const run = await runDuban(['ask', '我的任务', '--as', '交通厅']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as：没有找到单位 "交通厅"。相近的单位：区交通局');
  });

  it('the terminal chat answers as the unit too', async () => {
    const run = await runDuban(['chat', '--as', '区林业局'], { stdin: '我的任务\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('区林业局');
  });
});

describe('paths in a configuration file', () => {
  it('are taken from the file\'s folder, whatever the working folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-config-paths-'));
    mkdirSync(join(dir, 'config'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'tasks.csv'), LEDGER);
    writeFileSync(join(dir, 'config', 'duban.yaml'), 'sheet: ../data/tasks.csv\n');
    const run = await runDuban(['digest', '--json', '--today', '2022-06-27', '--config', join(dir, 'config', 'duban.yaml')], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    expect(run.json().total).toBe(2);
  });
});
