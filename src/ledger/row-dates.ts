/**
 * Start, deadline and update dates of every row. A date written without a year ("6月30日前") takes the year
 * of the task's own start date, else the most common year among the ledger's full dates, else the caller's
 * reference year; with none of these it stays invalid and the message asks for the year.
 */
import type { IsoDate } from '../domain/types.js';
import { parseDateCell, type DateParse } from './dates.js';
import type { LedgerRow } from './ledger-rows.js';

export interface RowDates {
  start: DateParse;
  due: DateParse;
  updated: DateParse;
}

const NO_YEAR = { referenceYear: null };

/** Parses the date cells of all rows (two passes: explicit years first, then the rows that lack one). */
export function rowDates(rows: readonly LedgerRow[], fallbackYear: number | null): RowDates[] {
  const years = new Map<number, number>();
  const count = (parse: DateParse): void => {
    if (parse.kind === 'date') years.set(yearOf(parse.due), (years.get(yearOf(parse.due)) ?? 0) + 1);
  };
  const dates = rows.map((r) => {
    const start = parseDateCell(r.cells.start, NO_YEAR);
    const due = parseDateCell(r.cells.due, NO_YEAR);
    count(start);
    count(due);
    return { start, due, updated: parseDateCell(r.cells.updated, NO_YEAR) };
  });
  const ledgerYear = mostCommon(years) ?? fallbackYear;
  dates.forEach((d, i) => {
    const cells = rows[i].cells;
    const ownYear = d.start.kind === 'date' ? yearOf(d.start.start ?? d.start.due) : null;
    const ctx = { referenceYear: ownYear ?? ledgerYear };
    if (ctx.referenceYear === null) return;
    if (needsYear(d.start)) d.start = parseDateCell(cells.start, ctx);
    if (needsYear(d.due)) d.due = parseDateCell(cells.due, ctx);
    if (needsYear(d.updated)) d.updated = parseDateCell(cells.updated, ctx);
  });
  return dates;
}

function needsYear(parse: DateParse): boolean {
  return parse.kind === 'invalid' && parse.needsYear === true;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, n] of counts) if (n > bestCount) [best, bestCount] = [year, n];
  return best;
}
