/** Heading and list-marker recognition in plan text: "一、", "（一）", "1．", "（1）", "一是". */

/** A heading marker at the start of a line and its nesting level (1 = "一、"). */
export interface Marker {
  level: number;
  /** Length of the marker text, including the spaces after it. */
  length: number;
}

const CN_NUM = '[一二三四五六七八九十百]+';
const MARKERS: [number, RegExp][] = [
  [1, new RegExp(`^(?:${CN_NUM}[、．.]|第${CN_NUM}(?:部分|章|篇)[：:、]?)\\s*`)],
  [2, new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)][、．.]?\\s*`)],
  [3, /^\d{1,2}\s*[．.、](?!\d)\s*/],
  [4, /^[（(]\s*\d{1,2}\s*[）)]\s*/],
  [5, /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/],
];
// "一是…", "二要…": items inside a paragraph, never headings.
const INLINE_MARKER = new RegExp(`^${CN_NUM}(?:是|要)[，,、]?\\s*`);

const LEADING_PUNCTUATION = /^[\s。；;，,、：:！!？?]+/;
const TRAILING_PUNCTUATION = /[\s。；;，,、：:！!？?]+$/;

/** The heading marker the line starts with, or null. */
export function headingMarker(line: string): Marker | null {
  for (const [level, pattern] of MARKERS) {
    const m = pattern.exec(line);
    if (m) return { level, length: m[0].length };
  }
  return null;
}

/** Text without leading punctuation and list markers of any kind. */
export function stripMarkers(text: string): string {
  let rest = text.replace(LEADING_PUNCTUATION, '');
  for (;;) {
    const marker = headingMarker(rest);
    const inline = INLINE_MARKER.exec(rest);
    const length = marker ? marker.length : inline ? inline[0].length : 0;
    if (length === 0) return rest;
    rest = rest.slice(length).replace(LEADING_PUNCTUATION, '');
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
