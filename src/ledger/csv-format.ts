/** RFC 4180 CSV writing, shared by the plan import and the ledger write-back. */

/** Byte-order mark: prepend it to a CSV file so Excel/WPS on Chinese Windows read it as UTF-8. */
export const UTF8_BOM = '\uFEFF';

// A cell needs quotes when it holds a delimiter, a quote or a line break, or starts/ends with spaces
// (Excel would otherwise trim them).
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, quoted when needed; inner quotes are doubled. */
export function formatCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends (what Excel writes), ending with a line break; no BOM. */
export function formatCsv(rows: string[][]): string {
  return rows.map((row) => row.map(formatCsvCell).join(',') + '\r\n').join('');
}
