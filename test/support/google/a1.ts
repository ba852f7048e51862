/** A1 range parsing for the Google Sheets loopback server ('Sheet name'!A1:K500, whole columns, whole rows). */

export interface A1Range {
  /** The tab name, unquoted; null means the first sheet. */
  sheet: string | null;
  /** 0-based inclusive bounds; null = open. */
  startRow: number | null;
  startCol: number | null;
  endRow: number | null;
  endCol: number | null;
}

const CELL = /^([A-Z]*)(\d*)$/;

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export { columnLetters as colLetters } from '../../../src/sources/a1.js';

/** Parses "'Tab 1'!A1:B2", "Tab!A:A", "Tab", "A1:B2", "'It''s'!B2"; null when it cannot be parsed. */
export function parseA1(text: string): A1Range | null {
  let sheet: string | null = null;
  let rest = text;
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < text.length; i += 1) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 1;
      } else if (text[i] === "'") break;
      else name += text[i];
    }
    if (i >= text.length) return null;
    sheet = name;
    rest = text.slice(i + 1);
    if (rest === '') return { sheet, startRow: null, startCol: null, endRow: null, endCol: null };
    if (!rest.startsWith('!')) return null;
    rest = rest.slice(1);
  } else if (text.includes('!')) {
    sheet = text.slice(0, text.indexOf('!'));
    rest = text.slice(text.indexOf('!') + 1);
  } else if (!/^[A-Z]+\d*(:[A-Z]*\d*)?$|^\d+:\d+$/.test(text)) {
    return { sheet: text, startRow: null, startCol: null, endRow: null, endCol: null };
  }
  const [from, to] = rest.split(':');
  const a = CELL.exec(from ?? '');
  const b = to === undefined ? a : CELL.exec(to);
  if (!a || !b) return null;
  return {
    sheet,
    startCol: a[1] ? colIndex(a[1]) : null,
    startRow: a[2] ? Number(a[2]) - 1 : null,
    endCol: b[1] ? colIndex(b[1]) : null,
    endRow: b[2] ? Number(b[2]) - 1 : null,
  };
}

/** A tab name as the API echoes it: quoted when it is not a plain identifier. */
export function echoSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
