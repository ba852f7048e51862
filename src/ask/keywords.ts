/**
 * Keywords in a question: the longest runs of its words that occur in some task's title, category or progress note
 * ("双拥公园那个" → 双拥公园). The index is built once per ledger: a set of the character pairs of all task texts, so
 * most candidates are refused without scanning, and the scans that remain are remembered.
 */
import type { Ledger } from '../domain/types.js';
import { plainReading } from './units/pinyin.js';

export interface KeywordIndex {
  /** True when some task's title, category or note contains the text (lower case). */
  occurs(text: string): boolean;
  /** True when some task's title or category contains the text (lower case): words that name a task. */
  occursInHeads(text: string): boolean;
  /** Chinese words of the task titles and categories written in pinyin ("shuangyong" → 双拥), longest first. */
  romanized(word: string): string[];
}

const indexes = new WeakMap<Ledger, KeywordIndex>();
const MEMO_LIMIT = 5000;

/** The keyword index of a ledger, built on first use. */
export function keywordIndex(ledger: Ledger): KeywordIndex {
  let index = indexes.get(ledger);
  if (!index) {
    index = buildIndex(ledger);
    indexes.set(ledger, index);
  }
  return index;
}

const pair = (text: string, i: number): number => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

/** Whether texts contain a string: refused by character pairs first, then a remembered scan. */
function containment(texts: readonly string[]): (text: string) => boolean {
  const joined = texts.join('\u0000');
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < joined.length; i++) pairs.add(pair(joined, i));
  const memo = new Map<string, boolean>();
  return (text) => {
    if (text.length < 2) return false;
    for (let i = 0; i + 1 < text.length; i++) if (!pairs.has(pair(text, i))) return false;
    let known = memo.get(text);
    if (known === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      known = joined.includes(text);
      memo.set(text, known);
    }
    return known;
  };
}

function buildIndex(ledger: Ledger): KeywordIndex {
  const heads = ledger.tasks.map((t) => `${t.title}\u0000${t.category}`.toLowerCase());
  const occurs = containment(ledger.tasks.map((t) => `${t.title}\u0000${t.category}\u0000${t.note}`.toLowerCase()));
  let occursInHeads: ((text: string) => boolean) | null = null;
  const romanMemo = new Map<string, string[]>();
  return {
    occurs,
    occursInHeads: (text) => (occursInHeads ??= containment(heads))(text),
    romanized(word) {
      let found = romanMemo.get(word);
      if (!found) {
        if (romanMemo.size >= MEMO_LIMIT) romanMemo.clear();
        found = findRomanized(word, heads);
        romanMemo.set(word, found);
      }
      return found;
    },
  };
}

/** Runs of Chinese characters whose pinyin, syllable by syllable, spells the word (each run once, longest first). */
function findRomanized(word: string, texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      let spelled = '';
      for (let j = i; j < chars.length && j < i + 6 && /\p{Script=Han}/u.test(chars[j]); j++) {
        spelled += plainReading(chars[j]);
        if (!word.startsWith(spelled)) break;
        if (spelled === word && j > i) found.add(chars.slice(i, j + 1).join(''));
      }
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

const LONGEST_KEYWORD = 16;

/** The keywords in text[from, to): at each position the longest run (2+ characters) the test finds in the ledger. */
export function findKeywords(text: string, from: number, to: number, occurs: (text: string) => boolean): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = from; i < to - 1; ) {
    let end = 0;
    for (let j = Math.min(to, i + LONGEST_KEYWORD); j >= i + 2; j--) {
      if (occurs(text.slice(i, j))) {
        end = j;
        break;
      }
    }
    if (end > 0) {
      found.push({ start: i, end });
      i = end;
    } else {
      i += 1;
    }
  }
  return found;
}
