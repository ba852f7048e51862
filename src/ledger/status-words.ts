/**
 * The ledger check of a status column's vocabulary (pure): several words for one state ("进行中" in 9 rows,
 * "推进中" in 3) make every filter the office built miss rows; the check names them and the word to keep — the one
 * duban writes back too (the most used, ties to the template's word).
 */
import type { Problem } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import type { LedgerRow } from './ledger-rows.js';
import { problem } from './problems.js';
import { plainStatusKey, STATUS_TEMPLATE_WORDS, type StatusKey } from './status.js';

/** One warning per state written in more than one word in the status column. */
export function mixedStatusWords(rows: readonly LedgerRow[], columns: ColumnMap): Problem[] {
  if (columns.index.status === undefined) return [];
  // Words counted first, each read once: a ledger of thousands of rows uses a handful of status words.
  const words = new Map<string, number>();
  for (const row of rows) {
    const word = row.raw.status.trim();
    words.set(word, (words.get(word) ?? 0) + 1);
  }
  const byKey = new Map<StatusKey, Map<string, number>>();
  for (const [word, n] of words) {
    const key = plainStatusKey(word);
    if (key === null) continue;
    const counts = byKey.get(key) ?? new Map<string, number>();
    counts.set(word, n);
    byKey.set(key, counts);
  }
  const header = columns.header.status;
  const problems: Problem[] = [];
  for (const [key, counts] of byKey) {
    if (counts.size < 2) continue;
    const template = STATUS_TEMPLATE_WORDS[key];
    const ranked = [...counts].sort(([a, m], [b, n]) => n - m || Number(b === template) - Number(a === template));
    const listed = ranked.map(([word, n]) => `${word}（${n} 行）`).join('、');
    problems.push(problem(null, header, 'warning', 'mixed_status_words',
      `“${header}”列中表示“${template}”的写法不统一：${listed}；按其中一个词筛选会漏掉其他行，建议统一为“${ranked[0][0]}”（duban 写回时也用这个词）`));
  }
  return problems;
}
