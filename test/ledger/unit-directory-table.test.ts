import { describe, expect, it } from 'vitest';
import { parseUnitDirectory } from '../../src/ledger/unit-directory-table.js';
import type { Cell, RawTable } from '../../src/domain/types.js';

function table(headers: string[], rows: Cell[][]): RawTable {
  return { source: 'units.csv', headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const HEADERS = ['单位', '别名', '联络员', '联络员账号', '工作群', '分管领导', '领导账号'];

describe('parseUnitDirectory', () => {
  it('reads every column of a well-formed directory', () => {
    const { units, problems } = parseUnitDirectory(
      table(HEADERS, [
        ['区交通局', '交通局、transport bureau', '张三', 'ou_abc123', 'oc_def456', '李四', 'lisi@example.gov.cn'],
        ['双江镇', '', '王五', '+86 138 0013 8000', 'oc_777', null, null],
      ]),
    );
    expect(problems).toEqual([]);
    expect(units).toEqual([
      {
        name: '区交通局',
        aliases: ['交通局', 'transport bureau'],
        liaison: '张三',
        liaisonAccount: 'ou_abc123',
        chat: 'oc_def456',
        leader: '李四',
        leaderAccount: 'lisi@example.gov.cn',
        inDirectory: true,
      },
      {
        name: '双江镇',
        aliases: [],
        liaison: '王五',
        liaisonAccount: '+86 138 0013 8000',
        chat: 'oc_777',
        leader: null,
        leaderAccount: null,
        inDirectory: true,
      },
    ]);
  });

  it('accepts header aliases written with spaces, full width and mixed case', () => {
    const { units, problems } = parseUnitDirectory(
      table([' 单位名称 ', 'Aliases', '联络人', 'OPEN_ID', 'ＣＨＡＴ＿ＩＤ', 'Leader', '领导账号（手机）'], [
        ['区林业局', '林业局；forestry', '赵六', 'ou_1', 'oc_2', '钱七', '13900001111'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(units[0]).toMatchObject({
      name: '区林业局',
      aliases: ['林业局', 'forestry'],
      liaison: '赵六',
      liaisonAccount: 'ou_1',
      chat: 'oc_2',
      leader: '钱七',
      leaderAccount: '13900001111',
    });
  });

  it('splits aliases on every unit separator and new lines', () => {
    const { units } = parseUnitDirectory(table(['单位', '别名'], [['区人力社保局', '人社局，人力社保局,hrss/HR bureau\n人力社保']]));
    expect(units[0].aliases).toEqual(['人社局', '人力社保局', 'hrss', 'HR bureau', '人力社保']);
  });

  it('reports a missing unit column as a whole-sheet error', () => {
    const { units, problems } = parseUnitDirectory(table(['名称', '联络员'], [['区交通局', '张三']]));
    expect(units).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: null, column: '单位', severity: 'error', code: 'missing_column' });
    expect(problems[0].message).toContain('缺少“单位”列');
  });

  it('reports an empty unit name with the row the user sees, and skips blank rows silently', () => {
    const { units, problems } = parseUnitDirectory(table(['单位名称', '联络员'], [['', '张三'], [null, null], ['区司法局', '']]));
    expect(units.map((unit) => unit.name)).toEqual(['区司法局']);
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, column: '单位名称', severity: 'error', code: 'empty_unit' }),
    ]);
    expect(problems[0].message).toContain('第 2 行');
  });

  it('reports a duplicate unit, naming both rows', () => {
    const { units, problems } = parseUnitDirectory(table(['单位'], [['区交通局'], ['区司法局'], ['区交通局 ']]));
    expect(units.map((unit) => unit.name)).toEqual(['区交通局', '区司法局']);
    expect(problems).toEqual([expect.objectContaining({ row: 4, column: '单位', code: 'duplicate_unit' })]);
    expect(problems[0].message).toContain('第 2 行');
  });

  it('reports an alias claimed by two units, and an alias that is another unit’s name', () => {
    const { problems } = parseUnitDirectory(
      table(['单位', '别名'], [
        ['梓潼街道办事处', '街道办'],
        ['桂林街道办事处', '街道办、梓潼街道办事处'],
      ]),
    );
    expect(problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [3, '别名', 'alias_conflict'],
      [3, '别名', 'alias_conflict'],
    ]);
    expect(problems[0].message).toContain('“街道办”同时属于“梓潼街道办事处”和“桂林街道办事处”');
    expect(problems[1].message).toContain('第 2 行单位的名称');
  });

  it('warns about a chat id that is not oc_… and accounts that are not open_id, email or mobile, keeping the values', () => {
    const { units, problems } = parseUnitDirectory(
      table(HEADERS, [['区交通局', '', '张三', '张三的微信', '交通局工作群', '李四', '1380013800']]),
    );
    expect(units[0].chat).toBe('交通局工作群');
    expect(problems.map((problem) => [problem.row, problem.column, problem.code, problem.severity])).toEqual([
      [2, '工作群', 'bad_chat_id', 'warning'],
      [2, '联络员账号', 'bad_account', 'warning'],
      [2, '领导账号', 'bad_account', 'warning'],
    ]);
  });

  it('passes on the problems met while reading the table', () => {
    const readProblem = { row: 3, column: '', severity: 'warning' as const, code: 'csv_quote', message: '第 3 行引号不成对' };
    const { problems } = parseUnitDirectory({ ...table(['单位'], [['区交通局']]), readProblems: [readProblem] });
    expect(problems).toEqual([readProblem]);
  });

  it('reads numeric cells (a mobile stored as a number) as text', () => {
    const { units, problems } = parseUnitDirectory(table(['单位', '手机'], [['区科技局', 13800138000]]));
    expect(units[0].liaisonAccount).toBe('13800138000');
    expect(problems).toEqual([]);
  });

  it('reads a boolean cell as the ledger does ("TRUE"/"FALSE"), and a row of FALSE checkboxes is not blank', () => {
    const { units, problems } = parseUnitDirectory(table(['单位', '别名'], [['区科技局', true], [false, null]]));
    expect(units.map((u) => [u.name, u.aliases])).toEqual([['区科技局', ['TRUE']], ['FALSE', []]]);
    expect(problems).toEqual([]);
  });
});
