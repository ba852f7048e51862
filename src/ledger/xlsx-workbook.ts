/**
 * An XLSX workbook loaded whole through exceljs, for a write-back that changes its cells and saves it (reading alone
 * goes row by row: xlsx.ts). Its rows read as the reader's do.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from '../domain/types.js';
import { loadExcelJS } from './load-exceljs.js';
import { plainValue, type XlsxBook } from './xlsx.js';

export interface XlsxWorkbook extends XlsxBook {
  /** The loaded workbook (a write-back changes its cells and saves it). */
  workbook: ExcelJS.Workbook;
  /** The same rows with merged cells holding their merged cell's value, marked as covered from above or the left. */
  mergedRows(name: string): MergedCell[][] | null;
}

/** A cell with the value of the merged cell covering it, when one does. */
export interface MergedCell {
  value: Cell;
  merged?: 'up' | 'left';
}

/** Loads a workbook from its bytes; throws (exceljs's error) when the bytes are not a readable XLSX. */
export async function loadXlsxWorkbook(buf: Buffer): Promise<XlsxWorkbook> {
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
