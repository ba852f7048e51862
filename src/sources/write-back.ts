/**
 * The write-back core shared by every backend (pure): given the ledger as re-read at write time, find the task's
 * row by id and compute the cells to write. Backends only translate the plan into their own cell addresses.
 */
import type { Cell, LedgerField, RawTable } from '../domain/types.js';
import { CANONICAL_HEADERS, matchHeader } from '../ledger/headers.js';
import { parseProgress } from '../ledger/progress.js';
import { parseStatus } from '../ledger/status.js';
import { STATE_LABELS } from '../reports/labels.js';
import type { CellChange, TaskUpdate } from './source.js';
import { cellText } from '../ledger/text.js';
import { SourceError } from './source-error.js';

/** One cell to write: which column (0-based index into the header row) and the text before and after. */
export interface PlannedCell extends CellChange {
  field: LedgerField;
  columnIndex: number;
}

export interface WritePlan {
  id: string;
  /** Row number as the user sees it in the sheet. */
  row: number;
  /** Index into `table.rows`. */
  rowIndex: number;
  /** Only the cells whose text changes. */
  cells: PlannedCell[];
  /** Chinese notes for the user, e.g. a missing 更新时间 column. */
  warnings: string[];
}

/** A write-back refused before anything was written (missing/duplicate id, missing column, bad input). */
export class WriteBackError extends SourceError {
  override name = 'WriteBackError';
}

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

/**
 * A status word as typed ("办结", "done", "已延期") → the template's word (已完成 …), so the ledger stays uniform;
 * a word duban cannot read is refused rather than written.
 */
export function normaliseStatus(input: string): string {
  const parsed = parseStatus(input.trim());
  if (!parsed || !input.trim()) {
    throw new WriteBackError(`状态“${input}”无法识别，请写 ${Object.values(STATE_LABELS).join('、')} 之一（获批延期写“已延期”）。`);
  }
  return parsed.extended ? '已延期' : STATE_LABELS[parsed.state];
}

/** The note cell after appending "[date name] text" on a new line; an empty note gets just the entry. */
export function appendNote(existing: string, update: TaskUpdate): string {
  const who = update.by?.trim() ? ` ${update.by.trim()}` : '';
  const entry = `[${update.date}${who}] ${update.note?.trim() ?? ''}`;
  return existing.trim() ? `${existing.replace(/\s+$/, '')}\n${entry}` : entry;
}

/** Finds the task's row by id and plans the changed cells; throws WriteBackError when it must refuse. */
export function planWriteBack(table: RawTable, id: string, update: TaskUpdate): WritePlan {
  const columns = columnIndex(table.headers);
  const idColumn = columns.get('id');
  if (idColumn === undefined) throw new WriteBackError(`台账（${table.source}）没有“编号”列，无法按编号找到任务。`);
  const rowsWithId = (wanted: string) => table.rows.map((r, i) => ({ r, i })).filter(({ r }) => cellText(r.cells[idColumn]).trim() === wanted);
  let wanted = id.trim();
  let hits = rowsWithId(wanted);
  // Reports show ids as "#6"; typed back that way, it means the row whose id cell holds "6".
  if (hits.length === 0 && /^[#＃]/.test(wanted)) hits = rowsWithId((wanted = wanted.replace(/^[#＃]\s*/, '')));
  if (hits.length === 0) throw new WriteBackError(notFound(table, idColumn, wanted));
  if (hits.length > 1) {
    const rows = hits.map(({ r }) => r.row).join('、');
    throw new WriteBackError(`编号“${wanted}”在台账中出现了 ${hits.length} 次（第 ${rows} 行），请先把编号改成唯一再更新。`);
  }
  const { r: row, i: rowIndex } = hits[0];

  const targets: { field: LedgerField; after: (before: string) => string }[] = [];
  if (update.status !== undefined) {
    const status = normaliseStatus(update.status);
    targets.push({ field: 'status', after: () => status });
  }
  if (update.progress !== undefined) {
    const progress = normaliseProgress(update.progress);
    targets.push({ field: 'progress', after: () => progress });
  }
  if (update.note !== undefined && update.note.trim()) {
    targets.push({ field: 'note', after: (before) => neutraliseFormula(appendNote(before, update)) });
  }
  if (targets.length === 0) throw new WriteBackError('没有要写入的内容：请至少给出状态、进度或进展情况之一。');

  const warnings: string[] = [];
  for (const { field } of targets) {
    if (!columns.has(field)) {
      throw new WriteBackError(`台账没有“${CANONICAL_HEADERS[field]}”列，无法写入；请先在表头添加该列。`);
    }
  }
  if (columns.has('updated')) targets.push({ field: 'updated', after: () => update.date });
  else warnings.push('台账没有“更新时间”列，本次未记录更新日期；如需记录请在表头添加“更新时间”列。');

  const cells: PlannedCell[] = [];
  for (const { field, after } of targets) {
    const index = columns.get(field)!;
    const current = cellText(row.cells[index]);
    const next = after(current);
    if (next === current) continue;
    if (next.length > MAX_CELL_CHARS) {
      throw new WriteBackError(
        `写入后“${table.headers[index]}”将有 ${next.length} 个字符，超过表格单元格的上限 ${MAX_CELL_CHARS} 个（Excel 的限制），台账未改动；请精简内容，详细材料可放附件或链接。`,
      );
    }
    cells.push({ field, columnIndex: index, column: table.headers[index], before: shownBefore(field, row.cells[index]), after: next });
  }
  return { id: wanted, row: row.row, rowIndex, cells, warnings };
}

// Excel holds at most 32,767 characters in a cell and "repairs" (truncates) a file with a longer one.
const MAX_CELL_CHARS = 32_767;

/** Why an id is not in the id column; for "R12", the stand-in id the reader gives a row without one, say to fill it in. */
function notFound(table: RawTable, idColumn: number, id: string): string {
  const standIn = /^R(\d+)$/i.exec(id);
  const row = standIn ? table.rows.find((r) => r.row === Number(standIn[1])) : undefined;
  if (row && !cellText(row.cells[idColumn]).trim()) {
    return `第 ${row.row} 行的任务没有填写编号（“${id}”是临时编号），无法按编号写回；请先在台账“${table.headers[idColumn]}”列填写编号。`;
  }
  return `台账（${table.source}）中找不到编号为“${id}”的任务。`;
}

/**
 * A cell's text as the user sees it in the sheet: a progress number read from an online sheet (0.85 under a
 * percent format) shows as "85%", so the change reads "85% → 90%" rather than "0.85 → 90%".
 */
function shownBefore(field: LedgerField, cell: Cell | undefined): string {
  if (field !== 'progress' || typeof cell !== 'number') return cellText(cell);
  const parsed = parseProgress(cell);
  return parsed.value === null ? cellText(cell) : `${parsed.value}%`;
}

/** Ledger field → column index for the first header that matches it. */
function columnIndex(headers: string[]): Map<LedgerField, number> {
  const map = new Map<LedgerField, number>();
  headers.forEach((header, i) => {
    const field = matchHeader(header);
    if (field && !map.has(field)) map.set(field, i);
  });
  return map;
}
