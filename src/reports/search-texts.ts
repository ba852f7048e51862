/** Keyword search over the tasks' title, category and note, case-insensitive, in ledger order. */
import type { ClassifiedTask } from './classify.js';

/** The searched texts of every task, lower-cased once, also joined into one string that is scanned per question. */
export interface TextIndex {
  views: readonly ClassifiedTask[];
  /** Per task: title, category and note in lower case. */
  texts: readonly (readonly string[])[];
  /** All texts joined with SEPARATOR; task i's texts start at starts[i]. */
  joined: string;
  starts: readonly number[];
}

const SEPARATOR = '\u0000';

/** Builds the text index of classified tasks; use it through `LedgerViews.derived(indexTexts)` (once per ledger and day). */
export function indexTexts(views: readonly ClassifiedTask[]): TextIndex {
  const texts = views.map((v) => [v.task.title, v.task.category, v.task.note].map((text) => text.toLowerCase()));
  const starts: number[] = [];
  let length = 0;
  for (const fields of texts) {
    starts.push(length);
    length += fields.reduce((n, text) => n + text.length + SEPARATOR.length, 0);
  }
  return { views, texts, joined: texts.map((fields) => fields.join(SEPARATOR) + SEPARATOR).join(''), starts };
}

/**
 * The tasks one of whose texts contains `needle` (already lower case, not empty). One scan of the joined string
 * finds the candidates; each is confirmed against its own texts, so a match across two texts never counts.
 */
export function searchTexts(index: TextIndex, needle: string): ClassifiedTask[] {
  const found: ClassifiedTask[] = [];
  let at = index.joined.indexOf(needle);
  while (at >= 0) {
    const i = taskAt(index.starts, at);
    const confirmed = index.texts[i].some((text) => text.includes(needle));
    if (confirmed) found.push(index.views[i]);
    // After a confirmed task, go on with the next task; otherwise a real match may still start later in this one.
    at = index.joined.indexOf(needle, confirmed ? (index.starts[i + 1] ?? index.joined.length) : at + 1);
  }
  return found;
}

/** The index of the task whose texts contain position `at` (binary search over the start offsets). */
function taskAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
