/**
 * Toneless pinyin of Chinese characters, for typos from pinyin input (住见委 for 住建委, 城管据 for 城管局). pinyin-pro is
 * loaded on the first typo, not at start-up; readings are taken per character so both sides of a comparison agree.
 */
import { createRequire } from 'node:module';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array' }) => string[];

let pinyinFn: PinyinFn | null = null;
const cache = new Map<string, string>();

/** Folds readings that chat users confuse (z/zh, c/ch, s/sh, an/ang, en/eng, in/ing). */
function fold(reading: string): string {
  return reading.replace(/^([zcs])h/, '$1').replace(/(a|e|i)ng$/, '$1n');
}

/** The toneless pinyin of one character as written ("双" → "shuang"); non-Chinese characters stand for themselves. */
export function plainReading(char: string): string {
  let reading = cache.get(char);
  if (reading === undefined) {
    if (/\p{Script=Han}/u.test(char)) {
      pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
      reading = pinyinFn(char, { toneType: 'none', type: 'array' })[0] ?? char;
    } else {
      reading = char;
    }
    cache.set(char, reading);
  }
  return reading;
}

/** The folded pinyin of a string, one reading per character, joined by spaces: 住见委 and 住建委 read alike. */
export function readingOf(text: string): string {
  return Array.from(text, (char) => fold(plainReading(char))).join(' ');
}
