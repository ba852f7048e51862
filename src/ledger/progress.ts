/** Progress cells (进度): "60%", "0.6", 0.6, "60", "六成", "约60%", "已完成80%", "—" (none). */
import type { Cell } from '../domain/types.js';
import { chineseNumber } from './chinese-numerals.js';
import { foldWidth } from './text.js';

export interface ProgressParse {
  /** 0..100, null when empty or not readable. */
  value: number | null;
  invalid: boolean;
  /** Why it is invalid: text that is not a number, or a number outside 0..100. */
  reason?: 'unreadable' | 'out_of_range';
}

const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const TENTHS = /^([一二三四五六七八九十])成$/;
// Words around the number in a typed cell: "已完成80%", "约60%", "80%左右", "完成进度60%".
const HEDGES = /^(?:已完成|完成了?|已达|达到|进度|完成进度|约|大约|约为|近)+|(?:左右|以上|多|许|余)+$/g;
const DASHES = new Set(['-', '—', '——', '/', '无']);
const EMPTY: ProgressParse = { value: null, invalid: false };
const UNREADABLE: ProgressParse = { value: null, invalid: true, reason: 'unreadable' };

/**
 * Reads a progress cell. A number cell from 0 to 1 is a fraction (Excel's percent format stores 0.6);
 * text with a decimal point up to 1 ("0.6") is a fraction too; other numbers are percents ("60", 60).
 */
export function parseProgress(cell: Cell): ProgressParse {
  if (cell === null || typeof cell === 'boolean') return cell === null ? EMPTY : UNREADABLE;
  if (typeof cell === 'number') return inRange(cell >= 0 && cell <= 1 ? cell * 100 : cell);
  const typed = foldWidth(cell).replace(/\s+/g, '');
  if (typed === '' || DASHES.has(typed)) return EMPTY;
  const text = typed.replace(HEDGES, '');
  let m = PERCENT.exec(text);
  if (m) return inRange(Number(m[1]));
  if (NUMBER.test(text)) {
    const value = Number(text);
    return inRange(text.includes('.') && value >= 0 && value <= 1 ? value * 100 : value);
  }
  if ((m = TENTHS.exec(text))) return inRange((chineseNumber(m[1]) ?? 0) * 10);
  return UNREADABLE;
}

function inRange(value: number): ProgressParse {
  if (!Number.isFinite(value) || value < 0 || value > 100) return { value: null, invalid: true, reason: 'out_of_range' };
  // Fractions like 0.333 become 33.3, not 33.300000000000004.
  return { value: Math.round(value * 10) / 10, invalid: false };
}
