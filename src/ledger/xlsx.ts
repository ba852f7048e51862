/**
 * XLSX workbooks through exceljs's streaming reader: sheet names, and each sheet's rows as plain cells. Rows are read
 * one at a time and kept only as plain values, so memory follows the cells a sheet holds, and a sheet beyond the
 * limits (limits.ts) is refused as soon as it is seen (a column filled down to row 1,048,576 stops at row 100,001).
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { fromSerial } from '../calendar/dates.js';
import type { Cell } from '../domain/types.js';
import { loadExcelJS } from './load-exceljs.js';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS, tooManyCells, tooManyRows } from './limits.js';
import { xlsxInReadingOrder } from './zip-order.js';

/** A workbook as read: its sheets' names (tab order, veryHidden ones left out) and each sheet's rows. */
export interface XlsxBook {
  sheetNames: string[];
  /** The sheet's rows from row 1 (index 0 is sheet row 1), each as long as its last cell; null when there is no such sheet. */
  sheetRows(name: string): Cell[][] | null;
}

/** What the streaming reader tells about a worksheet besides its rows (not in exceljs's typings). */
interface SheetInfo {
  id: number;
  name: string;
  state?: string;
}

/**
 * Loads a workbook from its bytes; throws exceljs's error when the bytes are not a readable XLSX, and a
 * LedgerReadError ('too_large', naming `source`) for a sheet beyond the limits.
 */
export async function readXlsx(buf: Buffer, source: string): Promise<XlsxBook> {
  const excel = await loadExcelJS();
  const { chunks, names } = xlsxInReadingOrder(buf);
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  // A workbook without a shared-strings part (all its text inline) has none to wait for: its sheets take the direct path too.
  if (names.length > 0 && !names.includes('xl/sharedStrings.xml')) (reader as unknown as { sharedStrings: string[] }).sharedStrings = [];
  const rowsById = new Map<number, Cell[][]>();
  for await (const sheet of reader) {
    const info = sheet as unknown as SheetInfo;
    rowsById.set(info.id, await sheetRows(sheet, `${source} [${info.name}]`));
  }
  // The workbook's own order (the order of the tabs), not the order of the files in the archive; hidden-from-the-UI
  // (veryHidden) sheets are left out, as Excel does.
  const sheets = ((reader as unknown as { model?: { sheets?: SheetInfo[] } }).model?.sheets ?? [])
    .filter((sheet) => sheet.state !== 'veryHidden' && rowsById.has(sheet.id));
  return {
    sheetNames: sheets.map((sheet) => sheet.name),
    sheetRows(name) {
      const sheet = sheets.find((candidate) => candidate.name === name);
      return sheet ? rowsById.get(sheet.id)! : null;
    },
  };
}

// Each row only as wide as its own last cell: a stray value at XFD50000 must not make a 50000 × 16384 grid.
async function sheetRows(sheet: AsyncIterable<ExcelJS.Row>, source: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  let cells = 0;
  for await (const row of sheet) {
    if (row.number > MAX_SHEET_ROWS) throw tooManyRows(source, row.number);
    while (rows.length < row.number - 1) rows.push([]);
    cells += row.cellCount;
    if (cells > MAX_SHEET_CELLS) throw tooManyCells(source);
    const values: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(plainCell(row.getCell(c)));
    rows.push(values);
  }
  return rows;
}

/**
 * One cell as the other sources deliver it. Merged cells are a value in the master cell and blanks in the rest (as
 * a CSV export has them: the cells a merge covers hold nothing in the file), and a formula's cached number is a date
 * when the cell is formatted as one.
 */
function plainCell(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  const formula = value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
  if (formula && typeof value.result === 'number' && isDateFormat(cell.numFmt)) return fromSerial(value.result);
  return plainValue(value);
}

/**
 * One cell's value as the other sources deliver it: dates are ISO dates, rich text is its text, a formula is its
 * cached result, or "=FORMULA" text when the file holds no result (the check then flags it).
 */
export function plainValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return ownCopy(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs builds dates at UTC midnight of the serial day: the UTC fields are the calendar date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return ownCopy(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result !== undefined) return plainValue(value.result as ExcelJS.CellValue);
    return `=${'formula' in value ? value.formula : value.sharedFormula}`;
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text);
  return null;
}

/**
 * A copy of the text that does not share memory with the XML chunk it was cut from: the XML parser's strings are
 * slices of its 64 KB read buffers, and one short cell kept for the ledger's lifetime would keep a whole buffer alive.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** True for a number format that shows a date (y, m or d outside quoted text and [colour]/[locale] sections). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}
