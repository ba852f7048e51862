/** Reading the unit directory tab (| 单位 | 别名 | 联络员 | 联络员账号 | 工作群 | 分管领导 | 领导账号 |) into units and problems. */
import type { Problem, RawRow, RawTable, Unit } from '../domain/types.js';
import { findColumn } from './header-text.js';
import { splitUnits } from './split-units.js';
import { cellText, isBlankRow } from './text.js';
import { looksLikeAccount, looksLikeChatId } from '../domain/contact.js';
import { looseName } from '../domain/normalize-unit.js';

const COLUMNS = {
  name: ['单位', '单位名称', '部门', '部门名称', '责任单位', 'unit', 'unit name', 'name'],
  aliases: ['别名', '简称', '其他名称', '别称', 'aliases', 'alias', 'other names'],
  liaison: ['联络员', '联络人', '联系人', '联络员姓名', 'liaison', 'contact'],
  liaisonAccount: ['联络员账号', '联络员飞书账号', '飞书账号', '账号', 'open_id', '邮箱', '手机', '手机号', '联系电话', 'account', 'email', 'mobile', 'phone'],
  chat: ['工作群', '群', '群聊', '飞书群', '工作群id', '群id', 'chat_id', 'chat', 'group chat'],
  leader: ['分管领导', '领导', 'leader'],
  leaderAccount: ['领导账号', '分管领导账号', '领导飞书账号', 'leader account'],
} as const;
type Column = keyof typeof COLUMNS;

/**
 * Units from the directory table, and every problem found, each naming its row and column. `people` (person
 * name → open_id, from Bitable person fields) gives the account of a liaison or leader kept as a person field:
 * an account cell holding that person, or empty beside the person's name.
 */
export function parseUnitDirectory(table: RawTable, people: Record<string, string> = {}): { units: Unit[]; problems: Problem[] } {
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((column) => [column, findColumn(table.headers, COLUMNS[column])]),
  ) as Record<Column, number>;
  const problems: Problem[] = [...(table.readProblems ?? [])];
  if (index.name < 0) {
    problems.push({
      row: null,
      column: '单位',
      severity: 'error',
      code: 'missing_column',
      message: `单位通讯录（${table.source}）缺少“单位”列，请在第 ${table.headerRow} 行表头加上“单位”。`,
    });
    return { units: [], problems };
  }
  const header = (column: Column): string => table.headers[index[column]] ?? '';
  const read = (row: RawRow, column: Column): string => (index[column] < 0 ? '' : cellText(row.cells[index[column]]));
  const report = (row: number, column: Column, severity: Problem['severity'], code: string, message: string): void => {
    problems.push({ row, column: header(column), severity, code, message, sheet: table.source });
  };

  const units: Unit[] = [];
  const unitRow = new Map<string, number>();
  for (const row of table.rows) {
    if (isBlankRow(row.cells)) continue;
    const name = read(row, 'name');
    if (name === '') {
      report(row.row, 'name', 'error', 'empty_unit', `第 ${row.row} 行“${header('name')}”为空，请填写单位名称。`);
      continue;
    }
    const firstRow = unitRow.get(looseName(name));
    if (firstRow !== undefined) {
      report(row.row, 'name', 'error', 'duplicate_unit', `第 ${row.row} 行单位“${name}”与第 ${firstRow} 行重复，请合并为一行。`);
      continue;
    }
    unitRow.set(looseName(name), row.row);
    const liaison = read(row, 'liaison');
    const leader = read(row, 'leader');
    const unit: Unit = {
      name,
      aliases: splitUnits(read(row, 'aliases')).filter((alias) => looseName(alias) !== looseName(name)),
      liaison: liaison || null,
      liaisonAccount: accountOf(read(row, 'liaisonAccount'), liaison, people),
      chat: read(row, 'chat') || null,
      leader: leader || null,
      leaderAccount: accountOf(read(row, 'leaderAccount'), leader, people),
      inDirectory: true,
    };
    checkContacts(unit, row.row, report);
    units.push(unit);
  }
  checkAliases(units, unitRow, (row, message) => report(row, 'aliases', 'warning', 'alias_conflict', message));
  return { units, problems };
}

/** The account cell, a person field's open_id when the cell holds that person or is empty beside their name. */
function accountOf(cell: string, person: string, people: Record<string, string>): string | null {
  if (cell !== '') return Object.hasOwn(people, cell) ? people[cell] : cell;
  return person !== '' && Object.hasOwn(people, person) ? people[person] : null;
}

type Report = (row: number, column: Column, severity: Problem['severity'], code: string, message: string) => void;

/** Chat ids must look like oc_…, accounts like an open_id, email or mobile; the value is kept either way. */
function checkContacts(unit: Unit, row: number, report: Report): void {
  if (unit.chat && !looksLikeChatId(unit.chat)) {
    report(row, 'chat', 'warning', 'bad_chat_id', `第 ${row} 行工作群“${unit.chat}”不像飞书群 ID（应以 oc_ 开头），提醒将无法发到该群。`);
  }
  for (const column of ['liaisonAccount', 'leaderAccount'] as const) {
    const account = unit[column];
    if (account && !looksLikeAccount(account)) {
      report(row, column, 'warning', 'bad_account', `第 ${row} 行账号“${account}”不是 open_id（ou_ 开头）、邮箱或 11 位手机号，无法 @ 此人。`);
    }
  }
}

/** An alias may belong to one unit only, and may not be another unit's name. */
function checkAliases(
  units: Unit[],
  unitRow: Map<string, number>,
  warn: (row: number, message: string) => void,
): void {
  const aliasOwner = new Map<string, string>();
  for (const unit of units) {
    const row = unitRow.get(looseName(unit.name)) ?? 0;
    for (const alias of unit.aliases) {
      const loose = looseName(alias);
      const namedRow = unitRow.get(loose);
      const owner = aliasOwner.get(loose);
      if (namedRow !== undefined) {
        warn(row, `第 ${row} 行别名“${alias}”是第 ${namedRow} 行单位的名称，请删去该别名。`);
      } else if (owner !== undefined && owner !== unit.name) {
        warn(row, `第 ${row} 行别名“${alias}”同时属于“${owner}”和“${unit.name}”，按此别名查找时将无法确定单位，请只保留一个。`);
      } else {
        aliasOwner.set(loose, unit.name);
      }
    }
  }
}
