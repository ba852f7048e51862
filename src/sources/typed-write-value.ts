/**
 * The values an online write-back sends (pure), for Google Sheets (RAW) and Feishu Sheets alike: both store a string as
 * text, so "90%" or "2026-11-29" written over a number would turn a percent or date cell into text. Like the XLSX
 * write-back, a cell that holds a number (a fraction under a percent format, a serial date) gets a number again.
 */
import { toSerial } from '../calendar/dates.js';
import type { Cell, LedgerField } from '../domain/types.js';
import type { PlannedCell } from './write-back.js';

const DATE_FIELDS: ReadonlySet<LedgerField> = new Set(['start', 'due', 'updated']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;

/** The value to write for `planned`, given the cell as read unformatted (numbers as numbers, dates as serials). */
export function typedWriteValue(current: Cell | undefined, planned: PlannedCell): Cell {
  if (typeof current !== 'number') return planned.after;
  if (DATE_FIELDS.has(planned.field) && ISO_DATE.test(planned.after)) return toSerial(planned.after);
  const percent = planned.field === 'progress' ? PERCENT.exec(planned.after) : null;
  // The reader takes a number from 0 to 1 as a fraction and a larger one as a percent; write back the same way.
  if (percent) return current <= 1 ? Number(percent[1]) / 100 : Number(percent[1]);
  return planned.after;
}
