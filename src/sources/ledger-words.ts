/**
 * Which word to write into a status or 预警 column (pure): the ledger's own word for that meaning — one of the
 * column's options where it has a fixed list, else the word the column uses most for it — and the template's word
 * only when the ledger has none. A column with a fixed list never gets a word outside it.
 */
import type { TrafficLight } from '../domain/types.js';
import { plainStatusKey, STATUS_TEMPLATE_WORDS } from '../ledger/status.js';
import { foldWidth } from '../ledger/text.js';
import type { ColumnRule } from './source.js';

/** The words a column offers: its fixed list (null when it takes any text) and the texts its cells hold now. */
export interface ColumnWords {
  options: readonly string[] | null;
  used: readonly string[];
}

/** The words of a column under its rule (select options or a dropdown list) and its cells' texts (the rule's, when it has them). */
export function columnWords(rule: ColumnRule | undefined, used: readonly string[]): ColumnWords {
  return { options: rule?.takes === 'choice' ? (rule.options ?? []) : null, used: (rule?.used ?? used).map((t) => t.trim()).filter(Boolean) };
}

/**
 * The column's word meaning `key` (as `keyOf` reads words): the most used such word, ties broken by the words in
 * `prefer` (what was typed, then the template's word) and then by order. From a fixed list only its options
 * qualify; a free column falls back to `template`. Null when a fixed list has no option with that meaning.
 */
export function chooseWord<K>(key: K, keyOf: (word: string) => K | null, words: ColumnWords, prefer: readonly string[], template: string): string | null {
  const counts = new Map<string, number>();
  for (const word of words.used) counts.set(word, (counts.get(word) ?? 0) + 1);
  const pool = words.options ?? [...counts.keys()];
  const candidates = [...new Set(pool)].filter((word) => keyOf(word) === key);
  const rank = (word: string) => {
    const i = prefer.indexOf(word);
    return i < 0 ? prefer.length : i;
  };
  candidates.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || rank(a) - rank(b));
  if (candidates.length > 0) return candidates[0];
  return words.options === null ? template : null;
}

/**
 * The status word to write for `typed` (a word duban reads, e.g. the template's 未开始) in a column with these words:
 * the column's own word for that state; null when a fixed list has none.
 */
export function ownStatusWord(typed: string, words: ColumnWords): string | null {
  const key = plainStatusKey(typed);
  return key === null ? typed : chooseWord(key, plainStatusKey, words, [typed, STATUS_TEMPLATE_WORDS[key]], STATUS_TEMPLATE_WORDS[key]);
}

/** True when the column already holds or offers exactly this word. */
export function hasWord(words: ColumnWords, word: string): boolean {
  return (words.options ?? words.used).includes(word);
}

const LIGHT_COLOURS: readonly [TrafficLight, RegExp][] = [
  ['red', /红|red/],
  ['yellow', /黄|橙|yellow|amber|orange/],
  ['blue', /蓝|blue/],
  ['green', /绿|green/],
];

/** The warning level a 预警 word names by its colour ("红灯", "红色预警", "黄", "green"); null for other words. */
export function lightOf(word: string): TrafficLight | null {
  const text = foldWidth(word).toLowerCase();
  return LIGHT_COLOURS.find(([, colour]) => colour.test(text))?.[0] ?? null;
}
