/**
 * Merged cells arrive as a value in the first row and blanks below it. Category, lead unit and deadline
 * blanks under a filled row take the value above, with one warning per run of filled rows, so no task
 * silently loses its unit or deadline and the office can see what was assumed. A row whose 序号 and task
 * cells are both blank is the same task's next unit (merged 序号 and 任务 over one row per unit): it takes
 * the task text above too; a row with its own number and no task text stays an error.
 */
import type { LedgerField, Problem } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import type { LedgerRow } from './ledger-rows.js';
import { problem } from './problems.js';

const FILLED_FIELDS: readonly LedgerField[] = ['category', 'lead', 'due'];

/** Fills merged-cell blanks in place and reports each run. */
export function fillDown(rows: LedgerRow[], columns: ColumnMap, problems: Problem[]): void {
  // Before the other fields: whether the id was blank is read from the row as written.
  if (columns.index.id !== undefined && columns.index.title !== undefined) {
    fillField(rows, 'title', columns.header.title, problems, (r) => r.raw.id === '');
  }
  for (const field of FILLED_FIELDS) {
    if (columns.index[field] !== undefined) fillField(rows, field, columns.header[field], problems);
  }
}

function fillField(
  rows: LedgerRow[],
  field: LedgerField,
  header: string,
  problems: Problem[],
  mayFill: (row: LedgerRow) => boolean = () => true,
): void {
  let source: LedgerRow | null = null;
  let runStart: LedgerRow | null = null;
  let runEnd: LedgerRow | null = null;
  const report = (): void => {
    if (source && runStart && runEnd) problems.push(filledProblem(source, runStart, runEnd, field, header));
    runStart = runEnd = null;
  };
  for (const r of rows) {
    const setAside = r.setAside?.includes(field) ?? false;
    if (r.raw[field] === '' && !setAside && source && mayFill(r)) {
      r.raw[field] = source.raw[field];
      r.cells[field] = source.cells[field];
      runStart ??= r;
      runEnd = r;
      continue;
    }
    report();
    source = setAside || r.raw[field] === '' ? null : r;
  }
  report();
}

function filledProblem(source: LedgerRow, first: LedgerRow, last: LedgerRow, field: LedgerField, header: string): Problem {
  const rows = first === last ? '' : `第 ${first.row}–${last.row} 行`;
  return problem(first.row, header, 'warning', 'filled_down',
    `${rows}为空，已按合并单元格沿用第 ${source.row} 行的「${source.raw[field]}」；如不是合并单元格，请逐行填写`);
}
