/** Finding a task's row by its id in a ledger table read at write time (pure). */
import type { LedgerField, RawRow, RawTable } from '../domain/types.js';
import { matchHeader } from '../ledger/headers.js';
import { cellText } from '../ledger/text.js';
import { WriteBackError } from './write-back-error.js';

/** The row holding the task: its id as the id cell holds it, and where it is. */
export interface TaskRow {
  id: string;
  row: RawRow;
  /** Index into `table.rows`. */
  rowIndex: number;
  idColumn: number;
}

/** Ledger field → column index for the first header that matches it. */
export function fieldColumns(headers: readonly string[]): Map<LedgerField, number> {
  const map = new Map<LedgerField, number>();
  headers.forEach((header, i) => {
    const field = matchHeader(header);
    if (field && !map.has(field)) map.set(field, i);
  });
  return map;
}

/** The one row whose id cell holds `id` ("#6" as reports show it also finds "6"); throws WriteBackError otherwise. */
export function locateTask(table: RawTable, id: string): TaskRow {
  const idColumn = fieldColumns(table.headers).get('id');
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
  return { id: wanted, row: hits[0].r, rowIndex: hits[0].i, idColumn };
}

/** Why an id is not in the id column; for "R12", the stand-in id the reader gives a row without one, say to fill it in. */
function notFound(table: RawTable, idColumn: number, id: string): string {
  const standIn = /^R(\d+)$/i.exec(id);
  const row = standIn ? table.rows.find((r) => r.row === Number(standIn[1])) : undefined;
  if (row && !cellText(row.cells[idColumn]).trim()) {
    return `第 ${row.row} 行的任务没有填写编号（“${id}”是临时编号），无法按编号写回；请先在台账“${table.headers[idColumn]}”列填写编号。`;
  }
  return `台账（${table.source}）中找不到编号为“${id}”的任务。`;
}
