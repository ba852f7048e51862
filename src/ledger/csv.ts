/** CSV text to rows, with the delimiter sniffed and malformed quotes survived. */
import { parse, CsvError } from 'csv-parse/sync';

export interface CsvRows {
  rows: string[][];
  delimiter: ',' | '\t' | ';';
  /** English notes for the operator when the text had to be read leniently (malformed quotes). */
  warnings: string[];
}

const CANDIDATES = [',', '\t', ';'] as const;
const SNIFF_LINES = 10;

/** Parses CSV (or tab/semicolon separated) text; never throws: a malformed file is re-read leniently. */
export function parseCsvText(text: string): CsvRows {
  const delimiter = sniffDelimiter(text);
  const options = { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true } as const;
  const warnings: string[] = [];
  // Strict first; then stray quotes kept as text; then, for a quote never closed, quotes not special at all
  // (multi-line cells split, but no row is lost).
  for (const lenient of [{}, { relax_quotes: true }, { quote: false }] as const) {
    try {
      return { rows: parse(text, { ...options, ...lenient }) as string[][], delimiter, warnings };
    } catch (error) {
      const detail = error instanceof CsvError ? error.code : String(error);
      warnings.push(`CSV quotes are malformed (${detail}); read again more leniently`);
    }
  }
  return { rows: [], delimiter, warnings };
}

/** The candidate that splits the first lines most consistently into more than one column. */
function sniffDelimiter(text: string): CsvRows['delimiter'] {
  const lines = text.split(/\r?\n/, SNIFF_LINES).filter((line) => line.trim() !== '');
  let best: CsvRows['delimiter'] = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => line.split(candidate).length - 1);
    const max = Math.max(0, ...counts);
    // Lines that reach the widest split count most; a title row above the header has none.
    const score = max * counts.filter((count) => count === max).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}
