import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/ledger/xlsx.js';
import { xlsxInReadingOrder } from '../../src/ledger/zip-order.js';
import { writeFilledColumnXlsx } from '../support/tiny-xlsx.js';

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

async function exceljsBook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  sheet.addRow(['编号', '任务', '责任单位', '截止日期']);
  sheet.addRow([1, '走访慰问', '区民政局', new Date(Date.UTC(2026, 10, 30))]);
  sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
  return Buffer.from(await book.xlsx.writeBuffer());
}

// exceljs's streaming reader parks a sheet that comes before the workbook's parts in a temporary file, and that path
// sometimes lost the parts behind it: "不是可读取的 XLSX 工作簿" for a good file, about once in 400 reads right after a
// write-back. With a temporary folder that does not exist, the parking path fails every time: these reads never take it.
describe('reading an XLSX whose sheets come before the workbook part (as Excel, WPS and exceljs write them)', () => {
  it('puts the workbook relationships, workbook, styles and shared strings first, the rest in their order', async () => {
    const buf = await exceljsBook();
    const { chunks, names } = xlsxInReadingOrder(buf);
    expect(names.slice(0, 4)).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).length).toBe(buf.length);
  });

  it('reads every sheet at once, never through a temporary file', async () => {
    process.env.TMPDIR = join(tmpdir(), 'duban-no-such-folder', 'none');
    const book = await readXlsx(await exceljsBook(), 'tasks.xlsx');
    expect(book.sheetNames).toEqual(['台账']);
    expect(book.sheetRows('台账')).toEqual([['编号', '任务', '责任单位', '截止日期'], [1, '走访慰问', '区民政局', '2026-11-30']]);
  });

  it('does so for a workbook without shared strings (its text inline) too', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'duban-zip-order-')), 'inline.xlsx');
    writeFilledColumnXlsx(path, 3);
    process.env.TMPDIR = join(tmpdir(), 'duban-no-such-folder', 'none');
    const book = await readXlsx(readFileSync(path), 'inline.xlsx');
    expect(book.sheetRows('台账')).toEqual([[1], [2], [3]]);
  });

  it('leaves bytes it cannot read as a ZIP as they are (the reader then says what is wrong)', () => {
    const bytes = Buffer.from('PK\u0003\u0004 not really a zip');
    expect(xlsxInReadingOrder(bytes)).toEqual({ chunks: [bytes], names: [] });
  });
});
