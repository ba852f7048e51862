/**
 * How large a sheet duban reads: beyond this it refuses with a message instead of running out of memory (everything
 * accepted stays well under 500 MB; `npm run bench` measures the largest). A district ledger has hundreds of rows,
 * a province tens of thousands.
 */
import { LedgerReadError } from './read-error.js';

/** Rows of one sheet, counting the header and title rows (Excel's own limit is 1,048,576). */
export const MAX_SHEET_ROWS = 100_000;

/** Cells of one sheet, counted up to each row's last filled cell (a stray value at column XFD counts 16,384). */
export const MAX_SHEET_CELLS = 2_000_000;

/** Bytes of a local ledger file. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const thousands = (n: number): string => n.toLocaleString('en-US');

/** The error for a sheet with more rows than MAX_SHEET_ROWS; `row` is a row beyond the limit when known. */
export function tooManyRows(path: string, row?: number): LedgerReadError {
  const where = row === undefined ? `超过 ${thousands(MAX_SHEET_ROWS)} 行` : `第 ${thousands(row)} 行还有内容，超过 ${thousands(MAX_SHEET_ROWS)} 行的上限`;
  return new LedgerReadError('too_large', path, `${path} ${where}，duban 不读取这么大的表格：请删除表格末尾多余的行（或整列填充到底的内容），或把台账拆成几个文件`,
    `${path} has more than ${MAX_SHEET_ROWS} rows; remove trailing rows or split the ledger`);
}

/** The error for a sheet with more cells than MAX_SHEET_CELLS (usually a stray value far to the right on many rows). */
export function tooManyCells(path: string): LedgerReadError {
  return new LedgerReadError('too_large', path, `${path} 的单元格超过 ${thousands(MAX_SHEET_CELLS)} 个（常见原因：很多行在很靠右的列里有内容），duban 不读取这么大的表格：请删除多余的列`,
    `${path} has more than ${MAX_SHEET_CELLS} cells; remove stray columns`);
}

/** The error for a file larger than MAX_FILE_BYTES. */
export function fileTooLarge(path: string, bytes: number): LedgerReadError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new LedgerReadError('too_large', path, `${path} 有 ${mb(bytes)}，超过 ${mb(MAX_FILE_BYTES)} 的上限，duban 不读取这么大的文件：请删除多余的内容，或把台账拆成几个文件`,
    `${path} is ${bytes} bytes, more than ${MAX_FILE_BYTES}; split the ledger`);
}
