/** An office's XLSX ledger for the calendar-tab tests: the example tasks (台账), units (单位) and a 调休 tab. */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvGrid, EXAMPLE_TASKS, EXAMPLE_UNITS } from '../sources/example.js';

// The week of Monday 2026-12-07: the office gives Wednesday off and works Saturday instead.
export const DAY_OFF = '2026-12-09';
export const EXTRA_WORKDAY = '2026-12-12';
export const GOOD_ROWS = [['日期', '类型', '说明'], [DAY_OFF, '休息', '区运动会'], [EXTRA_WORKDAY, '上班', '']];

/** Writes dir/ledger.xlsx with the given rows in its 调休 tab; returns its path. */
export async function writeOfficeLedger(dir: string, calendarRows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRows(csvGrid(EXAMPLE_TASKS));
  wb.addWorksheet('单位').addRows(csvGrid(EXAMPLE_UNITS));
  wb.addWorksheet('调休').addRows(calendarRows);
  const path = join(dir, 'ledger.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
