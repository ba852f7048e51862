/** CSV text to rows, with the delimiter sniffed and malformed quotes survived. */
import { createRequire } from 'node:module';
import { parseStrictCsv, type CsvLimits } from './strict-csv.js';

// csv-parse reads what the fast path gives up on (malformed quotes); loaded then, so most runs never load it.
const csvParse = (): typeof import('csv-parse/sync') => createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvRows {
  rows: string[][];
  delimiter: CsvDelimiter;
  /** English notes for the operator when the text had to be read leniently (malformed quotes), each once. */
  warnings: string[];
  /** Chinese: which delimiter was chosen and why, when another one also split several lines evenly; else null. */
  delimiterNote: string | null;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];
const NAMES: Record<CsvDelimiter, string> = { ',': '逗号', '\t': '制表符', ';': '分号' };
const SNIFF_LINES = 10;
const SNIFF_BYTES = 256 * 1024;

/**
 * Parses CSV (or tab/semicolon separated) text, given as a string or as its UTF-8 bytes; never throws: a malformed
 * file is re-read leniently. With `limits`, reading stops just past them (the caller refuses the file).
 */
export function parseCsvText(input: string | Buffer, limits?: CsvLimits): CsvRows {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const { delimiter, note } = sniffDelimiter(headLines(bytes));
  const rows = parseStrictCsv(bytes, delimiter, limits);
  if (rows) return { rows, delimiter, warnings: [], delimiterNote: note };
  const { parse, CsvError } = csvParse();
  // With limits, one record more than allowed is enough to refuse the file.
  const to = limits && Number.isFinite(limits.rows) ? { to: limits.rows + 1 } : {};
  const options = { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, ...to } as const;
  const warnings: string[] = [];
  // Strict first; then stray quotes kept as text; then, for a quote never closed, quotes not special at all
  // (multi-line cells split, but no row is lost).
  for (const lenient of [{}, { relax_quotes: true }, { quote: false }] as const) {
    try {
      return { rows: parse(bytes, { ...options, ...lenient }) as string[][], delimiter, warnings, delimiterNote: note };
    } catch (error) {
      const detail = error instanceof CsvError ? error.code : String(error);
      const warning = `CSV quotes are malformed (${detail}); read again more leniently`;
      if (!warnings.includes(warning)) warnings.push(warning);
    }
  }
  return { rows: [], delimiter, warnings, delimiterNote: note };
}

/** The first lines that are not blank, decoded from the head of the bytes (a line cut off by the head is left out). */
function headLines(bytes: Buffer): string[] {
  const head = bytes.subarray(0, SNIFF_BYTES).toString('utf8');
  const lines = head.split(/\r?\n/, SNIFF_LINES + 1);
  if (bytes.length > SNIFF_BYTES && lines.length <= SNIFF_LINES) lines.pop();
  return lines.slice(0, SNIFF_LINES).filter((line) => line.trim() !== '');
}

interface Split {
  delimiter: CsvDelimiter;
  /** The number of delimiters most lines have (0 when none has any). */
  count: number;
  /** How many lines have exactly that many. */
  lines: number;
}

/**
 * The candidate that splits the most lines evenly (the same number of columns); ties go to more columns. Delimiters
 * inside quotes do not count, so one cell full of semicolons does not outvote a header and its rows split by commas.
 */
function sniffDelimiter(lines: readonly string[]): { delimiter: CsvDelimiter; note: string | null } {
  const splits = CANDIDATES.map((delimiter) => evenSplit(delimiter, lines.map((line) => countOutsideQuotes(line, delimiter))));
  const ranked = splits.filter((s) => s.count > 0).sort((a, b) => b.lines - a.lines || b.count - a.count);
  const [best, runnerUp] = ranked;
  if (!best) return { delimiter: ',', note: null };
  // Ambiguous when another delimiter also splits at least two lines, and at least half as many, evenly.
  const ambiguous = runnerUp !== undefined && runnerUp.lines >= 2 && runnerUp.lines * 2 >= best.lines;
  const note = ambiguous
    ? `按${NAMES[best.delimiter]}分列读取：前 ${lines.length} 行中有 ${best.lines} 行按${NAMES[best.delimiter]}都分成 ${best.count + 1} 列，` +
      `按${NAMES[runnerUp.delimiter]}只有 ${runnerUp.lines} 行分成 ${runnerUp.count + 1} 列；如果列不对，请在 Excel/WPS 中重新另存为 CSV（逗号分隔）`
    : null;
  return { delimiter: best.delimiter, note };
}

/** The most common non-zero count (ties: the larger) and how many lines have it. */
function evenSplit(delimiter: CsvDelimiter, counts: readonly number[]): Split {
  const frequency = new Map<number, number>();
  for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let best: Split = { delimiter, count: 0, lines: 0 };
  for (const [count, lines] of frequency) {
    if (lines > best.lines || (lines === best.lines && count > best.count)) best = { delimiter, count, lines };
  }
  return best;
}

/** Delimiters on a line outside double quotes (a line is read on its own: a quote left open ends with it). */
function countOutsideQuotes(line: string, delimiter: CsvDelimiter): number {
  let quoted = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}
