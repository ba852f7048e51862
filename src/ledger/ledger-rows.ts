/** Data rows of the ledger table, field by field, with non-data cells (formulas, errors) set aside. */
import { LEDGER_FIELDS, type Cell, type LedgerField, type Problem, type RawTable } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import { lintCell } from './lint-cells.js';
import { cellText, isBlankRow } from './text.js';

export interface LedgerRow {
  /** Sheet row as the user sees it. */
  row: number;
  /** Each field's text as written ('' when the column is missing); filled-down blanks get the value above. */
  raw: Record<LedgerField, string>;
  /** Each field's value to parse: null when the column is missing or the cell was set aside. */
  cells: Record<LedgerField, Cell>;
  /** Fields whose cell was a formula or an error, already reported: no further problem for them. */
  setAside: LedgerField[] | null;
}

/** The non-blank data rows (blank rows are spacing, not tasks), each cell checked for formulas and length. */
export function ledgerRows(table: RawTable, columns: ColumnMap, problems: Problem[]): LedgerRow[] {
  const fields = LEDGER_FIELDS.filter((field) => columns.index[field] !== undefined);
  const indexes = fields.map((field) => columns.index[field] as number);
  const headers = fields.map((field) => columns.header[field]);
  const rows: LedgerRow[] = [];
  for (const { row, cells } of table.rows) {
    if (isBlankRow(cells)) continue;
    const raw = emptyRecord<string>('');
    const values = emptyRecord<Cell>(null);
    let setAside: LedgerField[] | null = null;
    for (let f = 0; f < fields.length; f++) {
      const cell = cells[indexes[f]] ?? null;
      const text = cellText(cell);
      raw[fields[f]] = text;
      if (lintCell(text, row, headers[f], problems)) (setAside ??= []).push(fields[f]);
      else values[fields[f]] = typeof cell === 'string' ? text : cell;
    }
    rows.push({ row, raw, cells: values, setAside });
  }
  return rows;
}

function emptyRecord<T>(value: T): Record<LedgerField, T> {
  return {
    id: value, category: value, title: value, lead: value, assist: value, start: value,
    due: value, status: value, progress: value, note: value, updated: value, detail: value, leader: value,
    originalDue: value, extensions: value, closed: value, evidence: value, warning: value,
  };
}
