/** Write-back into a local XLSX workbook through exceljs, and rows added to it: only the planned cells of the ledger sheet change. */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../ledger/load-exceljs.js';
import { writeFileAtomic } from './atomic-write.js';
import type { AppendPlan } from './append-plan.js';
import type { PlannedCell, WritePlan } from './write-back.js';

/** The value to store: keeps a date cell a date and a percent-formatted number a number, else text. */
function xlsxValue(cell: ExcelJS.Cell, planned: PlannedCell): ExcelJS.CellValue {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(planned.after);
  if (date && cell.value instanceof Date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(planned.after);
  if (percent && typeof cell.value === 'number') {
    const n = Number(percent[1]);
    return cell.numFmt?.includes('%') ? n / 100 : n;
  }
  return planned.after;
}

/** Loads the workbook, sets the planned cells on `sheetName`, and replaces the file atomically. */
export async function writeXlsxPlan(path: string, bytes: Buffer, sheetName: string, plan: WritePlan): Promise<void> {
  await editSheet(path, bytes, sheetName, (sheet) => {
    const row = sheet.getRow(plan.row);
    for (const planned of plan.cells) {
      const cell = row.getCell(planned.columnIndex + 1);
      cell.value = xlsxValue(cell, planned);
    }
  });
}

/** Writes the planned rows below the ledger's last row (empty rows: nothing is overwritten), atomically. */
export async function writeXlsxAppend(path: string, bytes: Buffer, sheetName: string, plan: AppendPlan): Promise<void> {
  await editSheet(path, bytes, sheetName, (sheet) => {
    plan.values.forEach((values, i) => {
      const row = sheet.getRow(plan.firstRow + i);
      values.forEach((text, c) => {
        if (text !== '') row.getCell(c + 1).value = text;
      });
    });
  });
}

async function editSheet(path: string, bytes: Buffer, sheetName: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`Sheet ${sheetName} vanished from ${path} between read and write`);
  edit(sheet);
  const out = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(path, Buffer.from(out as ArrayBuffer));
}
