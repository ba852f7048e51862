/** Turning a grid of cells read from an online sheet into a RawTable (pure). */
import { fromSerial } from '../calendar/dates.js';
import type { Cell, LedgerField, RawTable } from '../domain/types.js';
import { tableFromRows } from '../ledger/header-row.js';
import { DATE_FIELDS, matchHeader } from '../ledger/headers.js';

/** Rows as an API returns them (ragged, empty cells null or missing) as cells. */
function gridCells(grid: unknown[][]): Cell[][] {
  return grid.map((cells) => cells.map((cell) => (cell ?? '') as Cell));
}

/** A tab of unknown content (e.g. the calendar tab) as a RawTable: its header is its first non-blank row. */
export function plainTableFromGrid(grid: unknown[][], source: string): RawTable {
  return tableFromRows(source, gridCells(grid), () => false);
}

/**
 * A RawTable from rows as an API returns them (grid[0] is sheet row 1; rows ragged, empty cells null or missing):
 * the header row is found below any title rows, and serial day numbers in the date columns (开始日期/截止日期/
 * 更新时间/原截止日期/办结时间) become ISO dates with `fromSerial`, so an online sheet parses exactly like the CSV.
 * Serials sent as text ("45366") are left to the ledger's date parser, which reads them too.
 */
export function tableFromGrid(grid: unknown[][], source: string): RawTable {
  const table = tableFromRows(source, gridCells(grid), (text) => matchHeader(text) !== null);
  const cells = rowReader(table.headers);
  return { ...table, rows: table.rows.map((r) => ({ row: r.row, cells: cells(r.cells) })) };
}

/** Reads one row as an API returns it the way tableFromGrid reads rows under these headers (dates as ISO dates). */
export function rowReader(headers: readonly string[]): (row: readonly unknown[]) => Cell[] {
  const dateColumns = headers.map((header) => DATE_FIELDS.has(matchHeader(header) as LedgerField));
  return (row) => row.map((cell, i) => (dateColumns[i] && typeof cell === 'number' ? fromSerial(cell) : ((cell ?? '') as Cell)));
}
