/** A ledger table (and its unit directory) to tasks, units and every problem found. Never throws on data. */
import { LEDGER_FIELDS, type IsoDate, type Ledger, type Problem, type RawTable, type Unit } from '../domain/types.js';
import { parseUnitDirectory } from './unit-directory-table.js';
import { mapColumns } from './columns.js';
import { fillDown } from './fill-down.js';
import { ledgerRows } from './ledger-rows.js';
import { memoize } from './memo.js';
import { parseTaskRow } from './parse-row.js';
import { CANONICAL_HEADERS } from './headers.js';
import { problem } from './problems.js';
import { resolveUnits } from './resolve-units.js';
import { rowDates } from './row-dates.js';
import { mixedStatusWords } from './status-words.js';
import { settleIds } from './task-ids.js';
import { unitRoles } from './unit-roles.js';

export interface ParseLedgerOptions {
  /** Year for dates written without one, when neither the task's start nor the ledger's other dates give one. */
  referenceYear?: number;
  /** With a date, a recurring deadline ("每季度末") gets its next occurrence on or after it as `due`. */
  today?: IsoDate;
  /** Person names → Feishu open_ids (Bitable person fields), for directory account cells left empty. */
  people?: Record<string, string>;
}

/** Maps headers, parses every row into a Task, resolves units through the directory and collects problems. */
export function parseLedger(table: RawTable, unitsTable: RawTable | null, opts: ParseLedgerOptions = {}): Ledger {
  const problems: Problem[] = [...(table.readProblems ?? [])];
  const { columns, problems: columnProblems } = mapColumns(table.headers);
  // Appended one by one, never spread into a call: a directory of 200,000 rows would overflow the stack.
  for (const p of columnProblems) problems.push(p);
  const directoryUnits: Unit[] = [];
  if (unitsTable) {
    const directory = parseUnitDirectory(unitsTable, opts.people);
    for (const unit of directory.units) directoryUnits.push(unit);
    for (const p of directory.problems) problems.push(p);
  }
  if (columnProblems.some((p) => p.code === 'no_header')) {
    return { source: table.source, tasks: [], units: directoryUnits, problems };
  }
  const found: Problem[] = [];
  const rows = ledgerRows(table, columns, found);
  fillDown(rows, columns, found);
  const dates = rowDates(rows, opts.referenceYear ?? null);
  const ctx = { columns, today: opts.today ?? null, units: memoize(unitRoles) };
  const tasks = rows.map((r, i) => parseTaskRow(r, dates[i], ctx, found));
  if (tasks.length === 0) problems.push(problem(null, '', 'warning', 'no_tasks', '台账中没有任务行：请在表头下方逐行填写任务'));
  settleIds(tasks, columns, found);
  // An approved extension keeps the old deadline in 原截止日期 (assessment counts from it); without the column it is only in the note.
  const suggestions: Problem[] = [];
  if (columns.index.originalDue === undefined && tasks.some((t) => t.extended)) {
    suggestions.push(problem(null, CANONICAL_HEADERS.originalDue, 'warning', 'missing_original_due', '台账中有已延期的任务，但没有“原截止日期”列：延期前的截止日期只记在进展情况里，考核按原截止日期计算时不便查找；建议在表头添加“原截止日期”列，之后获批的延期会自动填写。'));
  }
  const directory = resolveUnits(tasks, directoryUnits, columns, found);
  problems.push(...mixedStatusWords(rows, columns));
  const present = LEDGER_FIELDS.filter((field) => columns.index[field] !== undefined);
  return { source: table.source, tasks, units: [...directory.units], problems: [...problems, ...byRow(found), ...suggestions], columns: present };
}

// Row problems are found in several passes; the report lists them by row, keeping each row's order.
function byRow(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
