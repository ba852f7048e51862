/**
 * Escaping of user text (titles, notes, unit names) so it is shown as data, never as markup:
 * a title containing `<at id=all>`, `**`, `[x](javascript:…)` or `</font>` must not mention, link or style.
 */

const CARD_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '|': '&#124;',
  '\\': '&#92;',
};

// Only at the start of a line do "#", "- ", "+ " and "1. " make headings or lists.
const LINE_START_MARKUP = /^(#|[-+](?=\s)|\d+\.(?=\s))/;
const LINE_START_ENTITIES: Record<string, string> = { '#': '&#35;', '-': '&#45;', '+': '&#43;', '.': '&#46;' };

/**
 * Escapes text for a Feishu card markdown element (HTML entities; line breaks become spaces). Text placed inside
 * a line (after "- " or "**") needs no line-start guard; a line that may begin with user text goes through
 * `guardCardLineStart` as a whole.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[&<>*_~`[\]()|\\]/g, (ch) => CARD_ENTITIES[ch]);
}

/** Keeps a card markdown line that starts with "#", "- ", "+ " or "1. " from becoming a heading or a list. */
export function guardCardLineStart(line: string): string {
  return line.replace(LINE_START_MARKUP, (m) => m.slice(0, -1) + LINE_START_ENTITIES[m.slice(-1)]);
}

/** Escapes text for CommonMark/GFM (backslash escapes; line breaks become spaces). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()<>|~!]/g, (ch) => `\\${ch}`)
    .replace(LINE_START_MARKUP, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
}

/** True for an http(s) URL without spaces or quotes: the only links the renderers emit. */
export function isSafeUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"'()]+$/i.test(url);
}

/** Escapes text for XML content and attribute values (SVG labels). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}
