/** Counts written in digits or Chinese numerals ("3", "三", "十五", "两"). */

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Regex source for a count: digits, or Chinese numerals up to 九十九. A count starts where its run of digits or
 * numerals starts (the lookbehinds), so a long run with no match costs one scan, not one per position.
 */
export const COUNT = '(?<!\\d)\\d+|(?<![零一二两三四五六七八九十])[零一二两三四五六七八九十]+';

/** The number a count denotes, or null when it is not one ("十五" → 15, "二十" → 20). */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '零') return 0;
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, high, ten, low] = match;
  if (!ten) return high && !low ? DIGITS[high] : null;
  return (high ? DIGITS[high] : 1) * 10 + (low ? DIGITS[low] : 0);
}
