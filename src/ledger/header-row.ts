/** Finding the header row below title rows ("潼南区双拥工作任务台账") and building a RawTable. */
import type { Cell, RawTable } from '../domain/types.js';
import { cellText, isBlankRow } from './text.js';

const SEARCH_ROWS = 10;
const MIN_KNOWN_HEADERS = 2;

/** Index of the first of the first 10 rows holding at least two known headers, or -1. */
function knownHeaderRow(rows: readonly Cell[][], isKnownHeader: (text: string) => boolean): number {
  const limit = Math.min(rows.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    let known = 0;
    for (const cell of rows[i]) if (typeof cell === 'string' && isKnownHeader(cell)) known++;
    if (known >= MIN_KNOWN_HEADERS) return i;
  }
  return -1;
}

/** True when one of the first 10 rows is a header row (at least two known headers): how a ledger tab is told apart. */
export function hasHeaderRow(rows: readonly Cell[][], isKnownHeader: (text: string) => boolean): boolean {
  return knownHeaderRow(rows, isKnownHeader) !== -1;
}

/**
 * Index of the header row: the first of the first 10 rows holding at least two known headers; failing that,
 * the first non-blank row (the check then reports the missing columns). -1 when every row is blank.
 */
function findHeaderRow(rows: readonly Cell[][], isKnownHeader: (text: string) => boolean): number {
  const known = knownHeaderRow(rows, isKnownHeader);
  return known !== -1 ? known : rows.findIndex((row) => !isBlankRow(row));
}

/** A RawTable from a sheet's rows (index 0 = sheet row 1); trailing blank rows are dropped. */
export function tableFromRows(source: string, rows: readonly Cell[][], isKnownHeader: (text: string) => boolean): RawTable {
  const headerIndex = findHeaderRow(rows, isKnownHeader);
  if (headerIndex === -1) return { source, headerRow: 0, headers: [], rows: [] };
  let end = rows.length;
  while (end > headerIndex + 1 && isBlankRow(rows[end - 1])) end--;
  const body = [];
  for (let i = headerIndex + 1; i < end; i++) body.push({ row: i + 1, cells: rows[i] });
  return { source, headerRow: headerIndex + 1, headers: rows[headerIndex].map((cell) => cellText(cell)), rows: body };
}
