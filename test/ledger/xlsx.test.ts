import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLocalTable, readLocalWorkbook } from '../../src/ledger/read-local.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-xlsx-'));
});

async function saveWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

function ledgerSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['潼南区双拥工作任务台账']);
  ws.mergeCells('A1:F1');
  ws.addRow(['编号', '类别', '任务', '责任单位', '截止日期', '进度']);
  ws.addRow([1, '拥军优属', { richText: [{ text: '开展' }, { text: '“八一”', font: { bold: true } }, { text: '走访' }] }, '区退役军人事务局', new Date(Date.UTC(2022, 6, 31)), 0.5]);
  ws.addRow([2, null, '慰问驻区部队', '区民政局', { formula: 'DATE(2022,9,30)', result: new Date(Date.UTC(2022, 8, 30)) }, { formula: 'B9*2' }]);
  ws.addRow([3, null, '双拥宣传', { error: '#REF!' }, '2022年12月底前', null]);
  ws.mergeCells('B3:B5');
  ws.getCell('E3').numFmt = 'yyyy-mm-dd';
  return ws;
}

describe('readLocalTable (XLSX)', () => {
  it('reads the first sheet below its title row with plain cell values', async () => {
    const path = await saveWorkbook('ledger.xlsx', (wb) => {
      ledgerSheet(wb, '台账');
      wb.addWorksheet('其他').addRow(['编号', '任务', '责任单位']);
    });
    const table = await readLocalTable(path);
    expect(table.source).toBe(`${path} [台账]`);
    expect(table.headerRow).toBe(2);
    expect(table.headers).toEqual(['编号', '类别', '任务', '责任单位', '截止日期', '进度']);
    expect(table.rows).toEqual([
      { row: 3, cells: [1, '拥军优属', '开展“八一”走访', '区退役军人事务局', '2022-07-31', 0.5] },
      // Merged B3:B5: the value in the first row, blanks below (as in a CSV export); the formula keeps its result
      // or, without one, its text.
      { row: 4, cells: [2, null, '慰问驻区部队', '区民政局', '2022-09-30', '=B9*2'] },
      // Each row ends at its own last cell, as a CSV row does.
      { row: 5, cells: [3, null, '双拥宣传', '#REF!', '2022年12月底前'] },
    ]);
  });

  it('reads a named sheet', async () => {
    const path = await saveWorkbook('named.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本表说明']);
      ledgerSheet(wb, '2022台账');
    });
    const table = await readLocalTable(path, { sheet: '2022台账' });
    expect(table.rows.map((r) => r.cells[2])).toEqual(['开展“八一”走访', '慰问驻区部队', '双拥宣传']);
  });

  it('finds the unit directory tab beside the ledger', async () => {
    const path = await saveWorkbook('both.xlsx', (wb) => {
      const units = wb.addWorksheet('单位通讯录');
      units.addRow(['单位', '别名', '联络员', '联络员账号', '工作群']);
      units.addRow(['区民政局', '民政局', '张三', 'ou_123', 'oc_456']);
      ledgerSheet(wb, '台账');
    });
    const { ledger, units } = await readLocalWorkbook(path);
    expect(ledger.source).toBe(`${path} [台账]`);
    expect(units).toEqual({
      source: `${path} [单位通讯录]`, headerRow: 1, headers: ['单位', '别名', '联络员', '联络员账号', '工作群'],
      rows: [{ row: 2, cells: ['区民政局', '民政局', '张三', 'ou_123', 'oc_456'] }],
    });
  });

  it('has no units for a workbook without a directory tab', async () => {
    const path = await saveWorkbook('single.xlsx', (wb) => ledgerSheet(wb, 'Sheet1'));
    expect((await readLocalWorkbook(path)).units).toBeNull();
  });

  it('names the sheets there are when the asked-for sheet is missing', async () => {
    const path = await saveWorkbook('missing-sheet.xlsx', (wb) => ledgerSheet(wb, '台账'));
    await expect(readLocalTable(path, { sheet: '2023' })).rejects.toMatchObject({
      name: 'LedgerReadError', problem: 'no_sheet', message: expect.stringContaining('现有工作表：台账'),
    });
  });

  it('reads a sheet with a stray far cell without building a full grid', async () => {
    const path = await saveWorkbook('stray.xlsx', (wb) => {
      const ws = ledgerSheet(wb, '台账');
      ws.getCell('XFD2').value = '备注';
      ws.getCell('A50000').value = 4;
    });
    const table = await readLocalTable(path);
    expect(table.headers).toHaveLength(16384);
    expect(table.rows.at(-1)).toEqual({ row: 50000, cells: [4] });
    expect(table.rows[3].cells).toEqual([]);
  });

  it('reports an empty workbook as empty', async () => {
    const path = await saveWorkbook('blank.xlsx', (wb) => wb.addWorksheet('Sheet1'));
    await expect(readLocalTable(path)).rejects.toMatchObject({ problem: 'empty' });
  });
});
