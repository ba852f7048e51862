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
  };
}

// Each row only as wide as its own last cell: a stray value at XFD50000 must not make a 50000 × 16384 grid.
function rowsOf(sheet: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const cells: Cell[] = [];
    if (row) for (let c = 1; c <= row.cellCount; c++) cells.push(plainCell(row.getCell(c), mergeType));
    rows.push(cells);
  }
  return rows;
}

/**
 * One cell as the other sources deliver it. Merged cells are a value in the master cell and blanks in the
 * rest (as a CSV export has them), dates are ISO dates, rich text is its text, a formula is its cached
 * result, or "=FORMULA" text when the file holds no result (the check then flags it).
 */
function plainCell(cell: ExcelJS.Cell, mergeType: ExcelJS.ValueType): Cell {
  if (cell.type === mergeType) return null;
  return plainValue(cell.value);
}

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
