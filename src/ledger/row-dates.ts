/**
 * Start, deadline and update dates of every row. A date written without a year ("6月30日前") takes the year
 * of the task's own start date, else the most common year among the ledger's full dates, else the caller's
 * reference year; with none of these it stays invalid and the message asks for the year.
 */
import type { Cell, IsoDate } from '../domain/types.js';
import { parseDateCell, type DateParse } from './dates.js';
import type { LedgerRow } from './ledger-rows.js';

export interface RowDates {
  start: DateParse;
  due: DateParse;
  updated: DateParse;
  originalDue: DateParse;
  closed: DateParse;
}

const EMPTY: DateParse = { kind: 'empty' };

/** Parses the date cells of all rows (two passes: explicit years first, then the rows that lack one). */
export function rowDates(rows: readonly LedgerRow[], fallbackYear: number | null): RowDates[] {
  // One parse per distinct cell and year: ledgers repeat the same deadlines on many rows.
  const memo = new Map<number | null, Map<Cell, DateParse>>();
  const parse = (cell: Cell, year: number | null): DateParse => {
    if (cell === null) return EMPTY;
    let byCell = memo.get(year);
    if (!byCell) memo.set(year, (byCell = new Map()));
    let result = byCell.get(cell);
    if (!result) byCell.set(cell, (result = parseDateCell(cell, { referenceYear: year })));
    return result;
  };
  const years = new Map<number, number>();
  const count = (date: DateParse): void => {
    if (date.kind === 'date') years.set(yearOf(date.due), (years.get(yearOf(date.due)) ?? 0) + 1);
  };
  const dates = rows.map((r) => {
    const start = parse(r.cells.start, null);
    const due = parse(r.cells.due, null);
    count(start);
    count(due);
    return { start, due, updated: parse(r.cells.updated, null), originalDue: parse(r.cells.originalDue, null), closed: parse(r.cells.closed, null) };
  });
  const ledgerYear = mostCommon(years) ?? fallbackYear;
  dates.forEach((d, i) => {
    const cells = rows[i].cells;
    const ownYear = d.start.kind === 'date' ? yearOf(d.start.start ?? d.start.due) : null;
    const year = ownYear ?? ledgerYear;
    if (year === null) return;
    if (needsYear(d.start)) d.start = parse(cells.start, year);
    if (needsYear(d.due)) d.due = parse(cells.due, year);
    if (needsYear(d.updated)) d.updated = parse(cells.updated, year);
    if (needsYear(d.originalDue)) d.originalDue = parse(cells.originalDue, year);
    if (needsYear(d.closed)) d.closed = parse(cells.closed, year);
  });
  return dates;
}

function needsYear(parse: DateParse): boolean {
  return parse.kind === 'invalid' && parse.needsYear === true;
}

function yearOf(date: IsoDate): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, n] of counts) if (n > bestCount) [best, bestCount] = [year, n];
  return best;
}
