/**
 * The fast path of the CSV reader: well-formed CSV (RFC 4180) read in one pass over its UTF-8 bytes, several times
 * faster than csv-parse, each cell decoded on its own (so no cell keeps the whole file alive in memory). It gives up
 * (null) on anything irregular — a stray or unclosed quote, mixed line endings — and the caller then reads the bytes
 * with csv-parse as before, so both readings agree wherever this one answers (a test compares them on thousands of
 * generated files).
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/** How much to read at most: reading stops once there is one row or cell more than this. */
export interface CsvLimits {
  rows: number;
  cells: number;
}

const NO_LIMITS: CsvLimits = { rows: Infinity, cells: Infinity };

/**
 * The rows of well-formed CSV, as csv-parse reads it (a leading BOM dropped, ragged rows kept); null when irregular.
 * Beyond `limits` it stops early: more rows or cells than the limit come back, and the caller refuses the file.
 */
export function parseStrictCsv(bytes: Buffer, delimiter: string, limits: CsvLimits = NO_LIMITS): string[][] | null {
  const sep = delimiter.charCodeAt(0);
  const end = bytes.length;
  let at = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
  const rows: string[][] = [];
  if (at >= end) return rows;
  const newline = recordDelimiter(bytes, at);
  let row: string[] = [];
  let cells = 0;
  for (;;) {
    let field: string;
    if (bytes[at] === QUOTE) {
      const closed = quotedField(bytes, at + 1);
      if (closed === null) return null;
      field = closed.value;
      at = closed.next;
    } else {
      const start = at;
      while (at < end) {
        const byte = bytes[at];
        if (byte === sep || byte === CR || byte === LF) break;
        if (byte === QUOTE) return null;
        at += 1;
      }
      field = at === start ? '' : bytes.toString('utf8', start, at);
    }
    row.push(field);
    cells += 1;
    if (cells > limits.cells) {
      rows.push(row);
      return rows;
    }
    if (at >= end) {
      rows.push(row);
      return rows;
    }
    if (bytes[at] === sep) {
      at += 1;
      // A delimiter at the very end is an empty last field.
      if (at === end) {
        row.push('');
        rows.push(row);
        return rows;
      }
      continue;
    }
    // A line break, which must be the file's record delimiter (csv-parse keeps any other inside the field), or text
    // after a closing quote.
    if (!startsWith(bytes, at, newline)) return null;
    rows.push(row);
    row = [];
    at += newline.length;
    if (at >= end || rows.length > limits.rows) return rows;
  }
}

/** A quoted field from just after its opening quote ("" is a quote): its value and where reading goes on; null when never closed. */
function quotedField(bytes: Buffer, from: number): { value: string; next: number } | null {
  let value = '';
  let start = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, start);
    if (quote === -1) return null;
    if (bytes[quote + 1] !== QUOTE) return { value: value + bytes.toString('utf8', start, quote), next: quote + 1 };
    value += bytes.toString('utf8', start, quote + 1);
    start = quote + 2;
  }
}

/** The first line break outside quotes, as csv-parse discovers it: CRLF, else LF, else CR; LF when there is none. */
function recordDelimiter(bytes: Buffer, from: number): number[] {
  let quoted = false;
  for (let at = from; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && byte === CR) return bytes[at + 1] === LF ? [CR, LF] : [CR];
    else if (!quoted && byte === LF) return [LF];
  }
  return [LF];
}

function startsWith(bytes: Buffer, at: number, prefix: readonly number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}
