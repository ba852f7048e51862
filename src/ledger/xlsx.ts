/** XLSX workbooks through exceljs: sheet names, and a sheet's rows as plain cells. */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs.js';
import type { Cell } from '../domain/types.js';

export interface XlsxBook {
  /** The loaded workbook (a write-back changes its cells and saves it). */
  workbook: ExcelJS.Workbook;
  sheetNames: string[];
  /** The sheet's rows from row 1 (index 0 is sheet row 1), each as long as its last cell; null when there is no such sheet. */
  sheetRows(name: string): Cell[][] | null;
  /** The same rows with merged cells holding their merged cell's value, marked as covered from above or the left. */
  mergedRows(name: string): MergedCell[][] | null;
}

/** A cell with the value of the merged cell covering it, when one does. */
export interface MergedCell {
  value: Cell;
  merged?: 'up' | 'left';
}

/** Loads a workbook from its bytes; throws (exceljs's error) when the bytes are not a readable XLSX. */
export async function readXlsx(buf: Buffer): Promise<XlsxBook> {
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  // exceljs's Buffer type predates @types/node's generic Buffer.
  await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const sheets = workbook.worksheets.filter((sheet) => sheet.state !== 'veryHidden');
  return {
    workbook,
    sheetNames: sheets.map((sheet) => sheet.name),
    sheetRows(name) {
      const sheet = sheets.find((candidate) => candidate.name === name);
      return sheet ? rowsOf(sheet, excel.ValueType.Merge) : null;
    },
    mergedRows(name) {
      const sheet = sheets.find((candidate) => candidate.name === name);
      return sheet ? mergedRowsOf(sheet, excel.ValueType.Merge) : null;
    },
  };
}

// Each row only as wide as its own last cell: a stray value at XFD50000 must not make a 50000 × 16384 grid.
function mergedRowsOf(sheet: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): MergedCell[][] {
  const rows: MergedCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const cells: MergedCell[] = [];
    for (let c = 1; row && c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      if (cell.type !== mergeType) cells.push({ value: plainValue(cell.value) });
      else cells.push({ value: plainValue(cell.master.value), merged: Number(cell.master.row) < r ? 'up' : 'left' });
    }
    rows.push(cells);
  }
  return rows;
}

// Merged cells read as a CSV export has them: a value in the merged cell, blanks in the cells it covers.
function rowsOf(sheet: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): Cell[][] {
  return mergedRowsOf(sheet, mergeType).map((row) => row.map((cell) => (cell.merged ? null : cell.value)));
}

/**
 * One cell's value as the other sources deliver it: dates are ISO dates, rich text is its text, a formula is its
 * cached result, or "=FORMULA" text when the file holds no result (the check then flags it).
 */
function plainValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs builds dates at UTC midnight of the serial day: the UTC fields are the calendar date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result !== undefined) return plainValue(value.result as ExcelJS.CellValue);
    return `=${'formula' in value ? value.formula : value.sharedFormula}`;
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text);
  return null;
}
