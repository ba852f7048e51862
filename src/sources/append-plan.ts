/**
 * Adding rows to a ledger (pure): given the ledger as read just before, the row each new task goes to (below the
 * last row), its id (continuing the ledger's numbering) and its cells in the ledger's own columns. A field the
 * ledger has no column for goes into 进展情况 when there is one, and is named in a warning either way.
 */
import type { LedgerField, RawTable } from '../domain/types.js';
import { mapColumns } from '../ledger/columns.js';
import { CANONICAL_HEADERS } from '../ledger/headers.js';
import { cellText } from '../ledger/text.js';
import { columnWords, ownStatusWord } from './ledger-words.js';
import type { NewRow } from './source.js';
import { SourceError } from './source-error.js';
import { neutraliseFormula } from './write-back.js';

export interface AppendPlan {
  ids: string[];
  /** Sheet row (1-based) the first new row goes to: the one after the ledger's last row. */
  firstRow: number;
  /** Each new row's cells, as wide as the header row. */
  values: string[][];
  /** The fields written, with their column (a Bitable writes by field name). */
  columns: { field: LedgerField; index: number }[];
  warnings: string[];
}

// Fields shown in 进展情况 when the ledger has no column for them (id and note have their own handling).
const FOLDED: readonly LedgerField[] = ['category', 'assist', 'start', 'due', 'status', 'progress', 'updated', 'detail', 'leader'];

/** Plans the append; refuses a ledger without the columns a task needs (任务, 责任单位). */
export function planAppend(table: RawTable, rows: readonly NewRow[]): AppendPlan {
  const { columns } = mapColumns(table.headers);
  const index = columns.index;
  for (const field of ['title', 'lead'] as const) {
    if (index[field] === undefined) {
      throw new SourceError(`台账（${table.source}）没有“${CANONICAL_HEADERS[field]}”列，无法追加任务；请先在表头加上这一列。`);
    }
  }
  const ids = index.id === undefined ? [] : nextIds(table.rows.map((r) => cellText(r.cells[index.id!])), rows.length);
  const present = (Object.entries(index) as [LedgerField, number][]).map(([field, i]) => ({ field, index: i }));
  const missing = FOLDED.filter((field) => index[field] === undefined && rows.some((row) => row[field]));
  // A new task's status in the column's own word for it (推进中, not 进行中, where the ledger says 推进中).
  const statusWords = index.status === undefined ? null : columnWords(undefined, table.rows.map((r) => cellText(r.cells[index.status!])));
  const values = rows.map((row, r) => {
    const cells = table.headers.map(() => '');
    for (const { field, index: i } of present) if (field !== 'id') cells[i] = neutraliseFormula(row[field] ?? '');
    if (statusWords && row.status) cells[index.status!] = ownStatusWord(row.status, statusWords) ?? row.status;
    if (index.id !== undefined) cells[index.id] = ids[r];
    if (index.note !== undefined) {
      const folded = missing.filter((field) => row[field]).map((field) => `${CANONICAL_HEADERS[field]}：${row[field]}`);
      cells[index.note] = neutraliseFormula([row.note ?? '', ...folded].filter((text) => text !== '').join('\n'));
    }
    return cells;
  });
  const warnings: string[] = [];
  if (index.id === undefined) warnings.push('台账没有“编号”列，新增的任务没有编号；回写进度需要编号，请在表头加上“编号”列并填写。');
  if (missing.length > 0) {
    const names = missing.map((field) => `“${CANONICAL_HEADERS[field]}”`).join('、');
    warnings.push(index.note === undefined
      ? `台账没有${names}列，这些内容未写入；如需保留，请先在表头加上这些列再导入。`
      : `台账没有${names}列，这些内容已写在“${table.headers[index.note]}”列中。`);
  }
  const last = table.rows.at(-1)?.row ?? table.headerRow;
  return { ids, firstRow: last + 1, values, columns: present, warnings };
}

/**
 * The next `count` ids after the ledger's: plain numbers continue the largest ("16" → "17"); other ids continue the
 * last one, keeping its prefix and zero padding ("RW-009" → "RW-010", "2-1" → "2-2"); a ledger without ids starts at 1.
 */
export function nextIds(existing: readonly string[], count: number): string[] {
  const numbered = existing.map((id) => /^(.*?)(\d+)$/.exec(id.trim())).filter((m): m is RegExpExecArray => m !== null);
  const plain = numbered.every((m) => m[1] === '' && !m[2].startsWith('0'));
  const last = plain
    ? numbered.reduce<RegExpExecArray | null>((best, m) => (best === null || Number(m[2]) >= Number(best[2]) ? m : best), null)
    : (numbered.at(-1) ?? null);
  const prefix = last?.[1] ?? '';
  const width = last && last[2].startsWith('0') ? last[2].length : 0;
  const start = last ? Number(last[2]) : 0;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i + 1).padStart(width, '0')}`);
}
