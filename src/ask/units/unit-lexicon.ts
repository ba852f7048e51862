/**
 * Finding units in a question. Built once per unit directory: every surface of every unit name and alias (see
 * surfaces.ts) in one map, scanned at each position from the longest surface down; English names matched word by word
 * with typos and abbreviations ("transprot bureau", "urban mgmt"); pinyin and one-edit typos for what is left.
 */
import type { Unit } from '../../domain/types.js';
import type { UnitDirectory } from '../../domain/unit-directory.js';
import { editDistance } from '../../domain/edit-distance.js';
import { KINDS } from '../../domain/glossary.js';
import { topicOfName } from '../../domain/glossary-match.js';
import { plainReading, readingOf } from './pinyin.js';
import { chineseTermsFor } from '../english-terms.js';
import { surfacesOf, type Tier } from './surfaces.js';

/** A unit name found at [start, end): the canonical names it may mean (several: ambiguous). */
export interface UnitHit {
  start: number;
  end: number;
  units: string[];
  tier: Tier | 0;
  said: string;
}

interface Entry {
  units: string[];
  tier: Tier;
}

interface EnglishName {
  words: string[];
  unit: string;
  tier: Tier;
}

export interface UnitLexicon {
  /** Chinese unit names in the text, longest first at each position (overlaps are resolved by the caller). */
  scanChinese(text: string): UnitHit[];
  /** English unit names in the text. */
  scanEnglish(text: string): UnitHit[];
  /** A name with a typo (same pinyin, or one edit in a longer name) inside a leftover run of text. */
  scanTypos(text: string, from: number, to: number): UnitHit[];
  /** Units whose name contains the fragment ("管理局", "委员会"). */
  containing(fragment: string): string[];
  /** Units whose name (without place and ending) is written in pinyin ("danshui" → 淡水街道). */
  romanized(word: string): string[];
  /** The words of the units' English names. */
  readonly englishVocabulary: ReadonlySet<string>;
}

const lexicons = new WeakMap<UnitDirectory, UnitLexicon>();

/** The lexicon of a directory, built on first use. */
export function unitLexicon(directory: UnitDirectory): UnitLexicon {
  let lexicon = lexicons.get(directory);
  if (!lexicon) {
    lexicon = buildLexicon(directory.units);
    lexicons.set(directory, lexicon);
  }
  return lexicon;
}

const HAN = /\p{Script=Han}/u;
/** English words that cannot name a unit on their own. */
const GENERIC_EN = new Set([
  'the', 'of', 'and', 'for', 'a', 'an', 'district', 'county', 'city', 'municipal', 'affairs', 'people', 'peoples', 'government',
  ...KINDS.flatMap((k) => k.en),
]);
const SKIPPABLE_EN = new Set(['the', 'of', 'and', 'for', 'affairs', 'district', 'county', 'city', 'municipal', 'people', 'peoples', 'government']);

function buildLexicon(units: readonly Unit[]): UnitLexicon {
  const surfaces = new Map<string, Entry>();
  const english: EnglishName[] = [];
  const add = (text: string, unit: string, tier: Tier): void => {
    const entry = surfaces.get(text);
    if (!entry || entry.tier < tier) surfaces.set(text, { units: [unit], tier });
    else if (entry.tier === tier && !entry.units.includes(unit)) entry.units.push(unit);
  };
  for (const unit of units) {
    const topic = topicOfName(unit.name);
    for (const name of [unit.name, ...unit.aliases]) {
      if (HAN.test(name)) for (const s of surfacesOf(name, topic?.zh ?? [])) add(s.text, unit.name, s.tier);
      else if (/[a-z]/i.test(name)) english.push({ words: englishWords(name), unit: unit.name, tier: 3 });
    }
    if (topic) for (const en of topic.en) english.push({ words: englishWords(en), unit: unit.name, tier: 2 });
  }
  const lengths = [...new Set([...surfaces.keys()].map((s) => s.length))].sort((a, b) => b - a);
  const firstChars = new Set([...surfaces.keys()].map((s) => s[0]));
  const unitNames = units.map((u) => ({ unit: u.name, names: [u.name, ...u.aliases].filter((n) => HAN.test(n)) }));
  let readings: Map<string, Entry> | null = null;
  let pinyinNames: Map<string, string[]> | null = null;

  const hit = (start: number, end: number, entry: Entry, text: string, tier: Tier | 0 = entry.tier): UnitHit => ({
    start,
    end,
    units: [...entry.units],
    tier,
    said: text.slice(start, end),
  });

  return {
    scanChinese(text) {
      const hits: UnitHit[] = [];
      for (let i = 0; i < text.length; i++) {
        if (!firstChars.has(text[i])) continue;
        for (const length of lengths) {
          if (i + length > text.length) continue;
          const entry = surfaces.get(text.slice(i, i + length));
          if (entry) {
            hits.push(hit(i, i + length, entry, text));
            break;
          }
        }
      }
      return hits;
    },
    scanEnglish: englishScanner(english),
    scanTypos(text, from, to) {
      readings ??= readingIndex(surfaces);
      const hits: UnitHit[] = [];
      for (let i = from; i < to; i++) {
        if (!HAN.test(text[i])) continue;
        // Two characters only as the same pinyin as a short name (交伟 for 交委); an edit needs three or more.
        for (let end = Math.min(to, i + 12); end >= i + 2; end--) {
          const said = text.slice(i, end);
          const entry = said.length === 2 ? readings.get(`${said[0]}|${readingOf(said[1])}`) : (readings.get(readingOf(said)) ?? nearByEdit(said, unitNames));
          if (entry) {
            hits.push(hit(i, end, entry, text, 0));
            i = end - 1;
            break;
          }
        }
      }
      return hits;
    },
    containing(fragment) {
      return unitNames.filter((u) => u.names.some((n) => n.includes(fragment))).map((u) => u.unit);
    },
    romanized(word) {
      pinyinNames ??= romanizedNames(surfaces);
      return pinyinNames.get(word) ?? [];
    },
    englishVocabulary: new Set(english.flatMap((name) => name.words)),
  };
}

/** Bare cores (tier 1, "淡水" of 淡水街道) by their pinyin written as one word, as English speakers write place names. */
function romanizedNames(surfaces: ReadonlyMap<string, Entry>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [text, entry] of surfaces) {
    if (entry.tier !== 1 || !/^\p{Script=Han}+$/u.test(text)) continue;
    const key = Array.from(text, plainReading).join('');
    names.set(key, [...new Set([...(names.get(key) ?? []), ...entry.units])]);
  }
  return names;
}

/** Pinyin of every surface with a suffix (2-character bare cores are too short to guess from). */
function readingIndex(surfaces: ReadonlyMap<string, Entry>): Map<string, Entry> {
  const index = new Map<string, Entry>();
  for (const [text, entry] of surfaces) {
    if (entry.tier < 1.5 || text.length < 2) continue;
    // A two-character short name (交委) is kept under its first character and the reading of its second, so only a
    // homophone of the ending (交伟) finds it: two readings alone would match too many everyday words.
    const key = text.length === 2 ? `${text[0]}|${readingOf(text[1])}` : readingOf(text);
    const known = index.get(key);
    if (!known || known.tier < entry.tier) index.set(key, { units: [...entry.units], tier: entry.tier });
    else if (known.tier === entry.tier) for (const u of entry.units) if (!known.units.includes(u)) known.units.push(u);
  }
  return index;
}

/** A name one edit away from a unit's name or alias (4 characters or more: shorter names are too easy to hit). */
function nearByEdit(said: string, unitNames: readonly { unit: string; names: string[] }[]): Entry | null {
  if (said.length < 4) return null;
  const found = unitNames.filter((u) => u.names.some((n) => Math.abs(n.length - said.length) <= 1 && n[n.length - 1] === said[said.length - 1] && editDistance(n, said) <= 1));
  return found.length > 0 ? { units: found.map((u) => u.unit), tier: 1 } : null;
}

/** Lower-case words of an English name, apostrophes and punctuation dropped. */
function englishWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Two English words are the same word: equal, plural, a typo (1 edit from 5 letters, 2 from 8), a prefix of 4 letters
 * or more ("admin", "transp"), or a consonant abbreviation ("mgmt", "dept").
 */
export function sameEnglishWord(said: string, word: string): boolean {
  if (said === word || said === `${word}s` || `${said}s` === word) return true;
  if (said.length < 4 || word.length < 4) return false;
  // A typo is one edit from 5 letters on, two from 8 ("done" is not "zone").
  const limit = Math.min(said.length, word.length) >= 8 ? 2 : Math.min(said.length, word.length) >= 5 ? 1 : 0;
  if (editDistance(said, word) <= limit) return true;
  if (said.length < word.length && word.startsWith(said)) return true;
  const vowels = said.replace(/[^aeiou]/g, '').length;
  return vowels <= 1 && said[0] === word[0] && isSubsequence(said, word) && !GENERIC_EN.has(word);
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * How many of the said words (from index p) a name matches in order, starting anywhere in the name ("management
 * bureau" is part of "urban management bureau"); only skippable words (of, affairs …) may be passed over between
 * them. 0 when no distinctive word (not a kind word such as "bureau") matched. `same(said)` is the set of name words
 * the said word stands for.
 */
function matchLength(tokens: readonly Token[], p: number, name: EnglishName, same: (said: string) => ReadonlySet<string>): number {
  let best = 0;
  for (let start = 0; start < name.words.length; start++) {
    if (!same(tokens[p].word).has(name.words[start])) continue;
    let j = start;
    let matched = 0;
    let distinctive = false;
    for (let i = p; i < tokens.length && j < name.words.length; i++) {
      const words = same(tokens[i].word);
      let k = j;
      while (k < name.words.length && !words.has(name.words[k]) && SKIPPABLE_EN.has(name.words[k])) k++;
      if (k >= name.words.length || !words.has(name.words[k])) break;
      if (!GENERIC_EN.has(name.words[k])) distinctive = true;
      matched = i - p + 1;
      j = k + 1;
    }
    if (distinctive) best = Math.max(best, matched);
  }
  return best;
}

/** True when every English name of the unit among the candidates has more than one word. */
function longerName(candidates: ReadonlySet<EnglishName>, unit: string): boolean {
  return [...candidates].filter((name) => name.unit === unit).every((name) => name.words.length > 1);
}

/** Finds English names; names are looked up by the words they contain, so each said word is compared once per distinct word. */
function englishScanner(names: readonly EnglishName[]): (text: string) => UnitHit[] {
  const byWord = new Map<string, EnglishName[]>();
  for (const name of names) for (const word of new Set(name.words)) byWord.set(word, [...(byWord.get(word) ?? []), name]);
  const memo = new Map<string, ReadonlySet<string>>();
  const same = (said: string): ReadonlySet<string> => {
    let words = memo.get(said);
    if (!words) {
      if (memo.size >= 5000) memo.clear();
      words = new Set([...byWord.keys()].filter((word) => sameEnglishWord(said, word)));
      memo.set(said, words);
    }
    return words;
  };
  return (text) => {
    const tokens: Token[] = [];
    for (const m of text.matchAll(/[a-z][a-z0-9-]*/g)) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    const hits: UnitHit[] = [];
    for (let p = 0; p < tokens.length; p++) {
      if (GENERIC_EN.has(tokens[p].word)) continue;
      const candidates = new Set([...same(tokens[p].word)].flatMap((word) => byWord.get(word) ?? []));
      let best = 0;
      let bestTier = 0;
      let units: string[] = [];
      for (const name of candidates) {
        const length = matchLength(tokens, p, name, same);
        if (length === 0) continue;
        if (length > best || (length === best && name.tier > bestTier)) {
          best = length;
          bestTier = name.tier;
          units = [name.unit];
        } else if (length === best && name.tier === bestTier && !units.includes(name.unit)) {
          units.push(name.unit);
        }
      }
      // "the night market one": one word of a longer name, right after a topic word, is part of that topic's noun
      // (夜市), not the unit whose English name starts with it (market regulation).
      const compound = best === 1 && p > 0 && chineseTermsFor(tokens[p - 1].word).length > 0 && same(tokens[p - 1].word).size === 0;
      if (best > 0 && !(compound && units.every((unit) => longerName(candidates, unit)))) {
        const end = tokens[p + best - 1].end;
        hits.push({ start: tokens[p].start, end, units, tier: bestTier as Tier, said: text.slice(tokens[p].start, end) });
        p += best - 1;
      }
    }
    return hits;
  };
}
