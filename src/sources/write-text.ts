/** The text duban writes into cells (pure): inert against formulas, progress as a percent, appended dated lines. */
import { parseProgress } from '../ledger/progress.js';
import type { TaskUpdate } from './source.js';
import { WriteBackError } from './write-back-error.js';

// A cell starting with one of these is taken as a formula by Excel/WPS/Sheets when typed or imported (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes user text inert as a cell value: text that would start a formula gets a leading apostrophe, the
 * spreadsheet convention for "this is text" (OWASP CSV-injection advice). Applied for every backend.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** "80%", "80", "0.8", "八成" → "80%" (read as the ledger reads progress cells); unreadable input is refused. */
export function normaliseProgress(input: string): string {
  const parsed = parseProgress(input);
  if (parsed.value === null) throw new WriteBackError(`进度“${input}”无法识别，请写成 0 到 100 之间的百分数，如 80%、80 或 0.8。`);
  return `${parsed.value}%`;
}

/** "[date name] " — how every appended line starts. */
export function entryPrefix(update: Pick<TaskUpdate, 'date' | 'by'>): string {
  const who = update.by?.trim() ? ` ${update.by.trim()}` : '';
  return `[${update.date}${who}] `;
}

/** The cell after appending a line (a note entry, evidence): on a new line; an empty cell gets just the line. */
export function appendLine(existing: string, line: string): string {
  return existing.trim() ? `${existing.replace(/\s+$/, '')}\n${line}` : line;
}

/** The note cell after appending "[date name] text" on a new line; an empty note gets just the entry. */
export function appendNote(existing: string, update: TaskUpdate): string {
  return appendLine(existing, `${entryPrefix(update)}${update.note?.trim() ?? ''}`);
}
