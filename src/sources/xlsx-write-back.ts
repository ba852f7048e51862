/**
 * Write-back into a local XLSX workbook through exceljs, and rows added to it: only the planned cells of the ledger
 * sheet change, a date column gets a date and a number column a number (looking at the neighbours when the cell is
 * empty), and a cell's dropdown list (数据验证) is its column's fixed list of words.
 */
import type ExcelJS from 'exceljs';
import type { LedgerSheet } from '../ledger/read-local.js';
import { colIndexOf } from './a1.js';
import type { AppendPlan } from './append-plan.js';
import type { ColumnRule, ColumnRules } from './source.js';
import type { PlannedCell, WritePlan } from './write-back.js';

// How far up and down to look for a filled cell of the same column when the target cell is empty.
const NEIGHBOURHOOD = 50;

/** The nearest filled cell of the column (the cell itself first), to copy its type and number format. */
function sample(sheet: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | null {
  for (let d = 0; d <= NEIGHBOURHOOD; d++) {
    for (const r of d === 0 ? [row] : [row - d, row + d]) {
      if (r < 1 || r > sheet.rowCount) continue;
      const cell = sheet.getRow(r).getCell(col);
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') return cell;
    }
  }
  return null;
}

/** The value to store: a date in a date column, a number (a fraction under a percent format) in a number column, else text. */
function xlsxValue(like: ExcelJS.Cell | null, planned: PlannedCell): ExcelJS.CellValue {
  const date = planned.kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(planned.after) : null;
  if (date && like?.value instanceof Date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  if (typeof like?.value !== 'number') return planned.after;
  const percent = planned.kind === 'percent' ? /^(\d+(?:\.\d+)?)%$/.exec(planned.after) : null;
  if (percent) return like.numFmt?.includes('%') ? Number(percent[1]) / 100 : Number(percent[1]);
  const count = planned.kind === 'count' ? /^\d+$/.exec(planned.after) : null;
  return count ? Number(count[0]) : planned.after;
}

/** Sets the planned cells on the ledger sheet of the loaded workbook and returns the workbook's new bytes. */
export async function xlsxBytes(ledger: LedgerSheet, plan: WritePlan): Promise<Buffer> {
  const sheet = ledger.book.workbook.getWorksheet(ledger.name)!;
  const row = sheet.getRow(plan.row);
  for (const planned of plan.cells) {
    const cell = row.getCell(planned.columnIndex + 1);
    const like = sample(sheet, plan.row, planned.columnIndex + 1);
    cell.value = xlsxValue(like, planned);
    // An empty cell of a date or percent column gets the column's format, so it shows as its neighbours do.
    if (like && like !== cell && !cell.numFmt && like.numFmt) cell.numFmt = like.numFmt;
  }
  return Buffer.from((await ledger.book.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Writes the planned rows below the ledger's last row (empty rows: nothing is overwritten) and returns the new bytes. */
export async function xlsxAppendBytes(ledger: LedgerSheet, plan: AppendPlan): Promise<Buffer> {
  const sheet = ledger.book.workbook.getWorksheet(ledger.name)!;
  plan.values.forEach((values, i) => {
    const row = sheet.getRow(plan.firstRow + i);
    values.forEach((text, c) => {
      if (text !== '') row.getCell(c + 1).value = text;
    });
  });
  return Buffer.from((await ledger.book.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The dropdown lists of the given columns over the given sheet rows (1-based), as column rules. */
export function xlsxRules(ledger: LedgerSheet, rows: number[], columns: number[]): ColumnRules {
  const sheet = ledger.book.workbook.getWorksheet(ledger.name)!;
  const rules = new Map<number, ColumnRule>();
  for (const column of columns) {
    const options = new Set<string>();
    for (const r of rows) {
      const validation = sheet.getRow(r).getCell(column + 1).dataValidation;
      if (validation?.type === 'list') for (const option of listOptions(ledger, validation.formulae?.[0])) options.add(option);
    }
    if (options.size > 0) rules.set(column, { takes: 'choice', options: [...options], label: '下拉列表' });
  }
  return rules;
}

/** A list validation's words: "\"a,b,c\"" itself, or the values of the range it names ("$K$2:$K$6", "选项!$A$1:$A$5"). */
function listOptions(ledger: LedgerSheet, formula: unknown): string[] {
  if (typeof formula !== 'string') return [];
  const quoted = /^"(.*)"$/s.exec(formula);
  if (quoted) return quoted[1].split(',').map((word) => word.trim()).filter(Boolean);
  const ref = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula.replace(/^=/, ''));
  if (!ref) return [];
  const sheetName = ref[1]?.replace(/''/g, "'") ?? ref[2];
  const sheet = ledger.book.workbook.getWorksheet(sheetName ?? ledger.name);
  if (!sheet) return [];
  const words: string[] = [];
  const [top, bottom] = [Number(ref[4]), Number(ref[6] ?? ref[4])];
  const [left, right] = [colIndexOf(ref[3]), colIndexOf(ref[5] ?? ref[3])];
  for (let r = top; r <= bottom; r++) {
    for (let c = left + 1; c <= right + 1; c++) {
      const text = sheet.getRow(r).getCell(c).text?.trim();
      if (text) words.push(text);
    }
  }
  return words;
}
