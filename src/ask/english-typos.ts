/** English typos put right before a question is read: a word one edit from exactly one known word ("tomorow", "overdeu"). */
import { editDistance } from '../domain/edit-distance.js';
import { englishVocabulary } from './pieces/words.js';

let vocabulary: Set<string> | null = null;
const grouped = new WeakMap<ReadonlySet<string>, Map<number, string[]>>();

/**
 * The text with each unknown English word of 5+ letters replaced by the one known word it is a typo of, if any;
 * `extra` holds the words of the units' English names.
 */
export function correctEnglishTypos(text: string, extra: ReadonlySet<string>): string {
  if (!/[a-z]{5}/.test(text)) return text;
  vocabulary ??= englishVocabulary();
  let byLength = grouped.get(extra);
  if (!byLength) {
    byLength = groupByLength([...vocabulary, ...extra]);
    grouped.set(extra, byLength);
  }
  return text.replace(/[a-z]{5,}/g, (word) => {
    if (vocabulary!.has(word) || extra.has(word)) return word;
    const limit = word.length >= 8 ? 2 : 1;
    const near = new Set<string>();
    for (let n = word.length - limit; n <= word.length + limit; n++) {
      for (const known of byLength!.get(n) ?? []) if (editDistance(word, known) <= limit) near.add(known);
    }
    return near.size === 1 ? [...near][0] : word;
  });
}

function groupByLength(words: Iterable<string>): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const word of words) map.set(word.length, [...(map.get(word.length) ?? []), word]);
  return map;
}
