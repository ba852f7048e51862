/** The example ledger (sheets-templates/example) as grids for the loopback servers, and a digest to compare reads. */
import { readFileSync } from 'node:fs';
import { toSerial } from '../../src/calendar/dates.js';
import type { Ledger } from '../../src/domain/types.js';
import { parseCsvText } from '../../src/ledger/csv.js';
import { decodeText } from '../../src/ledger/encoding.js';
import { matchHeader } from '../../src/ledger/headers.js';

export const EXAMPLE_TASKS = 'sheets-templates/example/tasks.csv';
export const EXAMPLE_UNITS = 'sheets-templates/example/units.csv';

/** A CSV file's rows as text. */
export function csvGrid(path: string): string[][] {
  return parseCsvText(decodeText(readFileSync(path)).text).rows;
}

/**
 * The ledger as a spreadsheet holds it once typed in: ISO dates are real dates (serial numbers), "60%" is the
 * number 0.6 in a percent format, numeric ids are numbers. Text such as "长期坚持" stays text.
 */
export function asSpreadsheetCells(grid: string[][]): (string | number)[][] {
  const fields = grid[0].map((h) => matchHeader(h));
  return grid.map((row, r) =>
    row.map((cell, c) => {
      if (r === 0) return cell;
      const field = fields[c];
      if ((field === 'start' || field === 'due' || field === 'updated') && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return toSerial(cell);
      if (field === 'progress' && /^\d+%$/.test(cell)) return Number(cell.slice(0, -1)) / 100;
      if (field === 'id' && /^\d+$/.test(cell)) return Number(cell);
      return cell;
    }),
  );
}

/** What must be equal whichever backend served the ledger. */
export function digest(ledger: Ledger) {
  return {
    tasks: ledger.tasks.map((t) => ({
      id: t.id, title: t.title, lead: t.lead, assist: t.assist, start: t.start, due: t.due, ongoing: t.ongoing,
      status: t.status, progress: t.progress, note: t.note, updated: t.updated,
    })),
    units: ledger.units.map((u) => ({ name: u.name, liaison: u.liaison, account: u.liaisonAccount, chat: u.chat })),
    errors: ledger.problems.filter((p) => p.severity === 'error').length,
  };
}
