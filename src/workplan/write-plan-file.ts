/**
 * `duban import-plan --out FILE`: the tasks as a new ledger file of the file's type, CSV (UTF-8 with a BOM, as Excel
 * and WPS open it) or XLSX (the ledger template, its other tabs and dropdowns kept). An existing file is refused
 * unless `force` is given.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import { formatCsv, UTF8_BOM } from '../ledger/csv-format.js';
import { matchHeader } from '../ledger/headers.js';
import { loadExcelJS } from '../ledger/load-exceljs.js';
import { planToLedgerRows, taskCells } from './ledger-rows.js';
import { PlanFileError } from './read-plan-file.js';
import type { PlanTask } from './types.js';

const TEMPLATE = new URL('../../sheets-templates/ledger-template.xlsx', import.meta.url);
const LEDGER_TAB = '台账';

/** Writes the tasks to `path` as CSV or XLSX by its extension. */
export async function writePlanFile(path: string, tasks: readonly PlanTask[], options: { force?: boolean } = {}): Promise<void> {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  if (ext === '.csv') bytes = Buffer.from(UTF8_BOM + formatCsv(planToLedgerRows(tasks)), 'utf8');
  else if (ext === '.xlsx') bytes = await xlsxBytes(tasks);
  else throw new PlanFileError(`无法写入“${basename(path)}”：--out 只能是 .csv 或 .xlsx 文件，或在线表格（Google 表格、飞书表格、多维表格）的链接。`);
  try {
    await writeFile(path, bytes, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new PlanFileError(`文件 ${path} 已存在，未写入：如要覆盖，请加上 --force；或换一个文件名。`, { cause: error });
    throw new PlanFileError(`无法写入 ${path}（${code ?? String(error)}），请检查文件夹是否存在、是否有写入权限。`, { cause: error });
  }
}

/** The ledger template with the tasks on its 台账 tab, under its own header, ids from 1. */
async function xlsxBytes(tasks: readonly PlanTask[]): Promise<Buffer> {
  const book = new (await loadExcelJS()).Workbook();
  await book.xlsx.readFile(fileURLToPath(TEMPLATE));
  const sheet = book.getWorksheet(LEDGER_TAB) as ExcelJS.Worksheet;
  const fields = (sheet.getRow(1).values as unknown[]).slice(1).map((header) => matchHeader(String(header ?? '')));
  tasks.forEach((task, i) => {
    const cells = { ...taskCells(task), id: String(i + 1) };
    sheet.getRow(i + 2).values = fields.map((field) => (field && cells[field] !== '' ? cells[field] : null));
  });
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
