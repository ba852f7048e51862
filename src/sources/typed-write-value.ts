/**
 * The values an online write-back sends (pure), for Google Sheets (RAW) and Feishu Sheets alike: both store a string as
 * text, so "90%" or "2026-11-29" written into a column of numbers would turn a percent or date cell into text. Like the
 * XLSX write-back, a value goes in as a number when the cell — or, when it is empty, its nearest filled neighbour in
 * the column — holds a number (a fraction under a percent format, a serial date, a count).
 */
import { toSerial } from '../calendar/dates.js';
import type { Cell } from '../domain/types.js';
import type { PlannedCell } from './write-back.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;
// How far up and down to look for a filled cell of the same column when the target cell is empty.
const NEIGHBOURHOOD = 50;

/** The cell at (rowIndex, column) of a grid as read unformatted, or its nearest filled neighbour in the column. */
function sampleCell(grid: readonly Cell[][], rowIndex: number, column: number): Cell | undefined {
  for (let d = 0; d <= NEIGHBOURHOOD; d++) {
    for (const r of d === 0 ? [rowIndex] : [rowIndex - d, rowIndex + d]) {
      const cell = grid[r]?.[column];
      if (cell !== undefined && cell !== null && cell !== '') return cell;
    }
  }
  return undefined;
}

/** The value to write for `planned` in sheet row `row` of `grid` (grid[0] is row 1, numbers as numbers, dates as serials). */
export function typedWriteValue(grid: readonly Cell[][], row: number, planned: PlannedCell): Cell {
  const like = sampleCell(grid, row - 1, planned.columnIndex);
  if (typeof like !== 'number') return planned.after;
  if (planned.kind === 'date' && ISO_DATE.test(planned.after)) return toSerial(planned.after);
  const percent = planned.kind === 'percent' ? PERCENT.exec(planned.after) : null;
  // The reader takes a number from 0 to 1 as a fraction and a larger one as a percent; write back the same way.
  if (percent) return like <= 1 ? Number(percent[1]) / 100 : Number(percent[1]);
  if (planned.kind === 'count' && /^\d+$/.test(planned.after)) return Number(planned.after);
  return planned.after;
}
