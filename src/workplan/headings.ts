/** Heading and list-marker recognition in plan text: "一、", "（一）", "1．", "（1）", "①", and "一是" inside a paragraph. */
import { chineseNumber } from '../ledger/chinese-numerals.js';

/** A list marker at the start of a paragraph: its nesting level (1 = "一、"), length and number. */
export interface Marker {
  level: number;
  /** Length of the marker text, including the spaces after it. */
  length: number;
  /** The item's number (3 for "（三）"); null for markers without one. */
  number: number | null;
}

/** Level of "一是…", "二要…": items inside a paragraph, deeper than any heading and never headings themselves. */
export const INLINE_LEVEL = 9;

const CN_NUM = '[一二三四五六七八九十百]+';
const DOT = '[．.、﹒·]';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKERS: [number, RegExp][] = [
  [1, new RegExp(`^(?:(${CN_NUM})${DOT}|第(${CN_NUM})(?:部分|章|篇)[：:、]?)\\s*`)],
  [2, new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]${DOT}?\\s*`)],
  [3, new RegExp(`^(\\d{1,3})\\s*${DOT}(?!\\d)\\s*`)],
  [4, /^(?:[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})[）)])\s*/],
  [5, new RegExp(`^([${CIRCLED}])\\s*`)],
];
// "11.121人才梯队项目": item 11 whose text starts with a number; read so only when 11 follows item 10.
const NUMBER_BEFORE_DIGITS = new RegExp(`^(\\d{1,3})\\s*${DOT}(?=\\d)`);
const INLINE_MARKER = new RegExp(`^(?:${CN_NUM})(?:是|要)[，,、：:]?\\s*`);
// The characters a marker can start with: a quick test before the patterns.
const MARKER_START = new RegExp(`^[一二三四五六七八九十百第（(\\d${CIRCLED}]`);

const LEADING_PUNCTUATION = /^[\s。；;，,、：:！!？?]+/;
const TRAILING_PUNCTUATION = /[\s。；;，,、：:！!？?]+$/;

/** The list marker the paragraph starts with, or null; `previous` is the number of the last item at level 3. */
export function headingMarker(text: string, previous: number | null = null): Marker | null {
  if (!MARKER_START.test(text)) return null;
  for (const [level, pattern] of MARKERS) {
    const m = pattern.exec(text);
    if (m) return { level, length: m[0].length, number: numberOf(m.slice(1).find((g) => g !== undefined) ?? '') };
  }
  const glued = NUMBER_BEFORE_DIGITS.exec(text);
  // "1．2021年6月底前研究……": a year after the number, never a decimal.
  const beforeYear = glued !== null && /^(?:19|20)\d{2}年/.test(text.slice(glued[0].length));
  if (glued && (beforeYear || (previous !== null && Number(glued[1]) === previous + 1))) return { level: 3, length: glued[0].length, number: Number(glued[1]) };
  const inline = INLINE_MARKER.exec(text);
  return inline ? { level: INLINE_LEVEL, length: inline[0].length, number: null } : null;
}

// An item number after a space inside a paragraph: where a line break was on a page that lost its breaks.
const SPACED_MARKER = new RegExp(`(?<=\\s)(?=\\d{1,3}\\s*${DOT}(?!\\d)|[（(](?:\\d{1,2}|${CN_NUM})[）)]|${CN_NUM}${DOT})`, 'g');

/** Where the text's last item starts after a space ("……落实。 一、主要目标 1、生产总值增长8%…" → at "1、"), or -1. */
export function lastSpacedItemStart(text: string): number {
  let start = -1;
  for (const m of text.matchAll(SPACED_MARKER)) start = m.index;
  return start;
}

/** Text without leading punctuation and list markers of any kind. */
export function stripMarkers(text: string): string {
  let rest = text.replace(LEADING_PUNCTUATION, '');
  for (;;) {
    const marker = headingMarker(rest);
    if (marker === null) return rest;
    rest = rest.slice(marker.length).replace(LEADING_PUNCTUATION, '');
  }
}

/** A title or heading as shown: no list markers, no punctuation at either end. */
export function cleanText(text: string): string {
  return stripMarkers(text.trim()).replace(TRAILING_PUNCTUATION, '');
}

/** Index just past the first sentence end (。！？) of the text, or the text length. */
export function firstSentenceEnd(text: string): number {
  const m = /[。！？!?]/.exec(text);
  return m ? m.index + 1 : text.length;
}

function numberOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const circled = CIRCLED.indexOf(text);
  if (circled >= 0) return circled + 1;
  return chineseNumber(text.replace('百', ''));
}
