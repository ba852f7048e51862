/** A1 notation helpers for Google Sheets and Feishu Sheets ranges (pure). */

/** 0-based column index → column letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A tab name quoted for an A1 range, always (spaces, Chinese, cell-like names such as "Q1"); ' is doubled. */
export function quoteTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The A1 address of one cell: sheet prefix (already quoted or an id), 0-based column, 1-based row. */
export function cellAddress(sheet: string, columnIndex: number, row: number): string {
  return `${sheet}!${columnLetters(columnIndex)}${row}`;
}

/** Column letters → 0-based index: "A" → 0, "Z" → 25, "AA" → 26. */
export function colIndexOf(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
