import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../src/ledger/encoding.js';
import { readLocalTable, readLocalUnits, readLocalWorkbook } from '../../src/ledger/read-local.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-read-'));
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readLocalTable (CSV)', () => {
  it('reads Excel "Unicode text" (UTF-16LE, tabs)', async () => {
    const path = await file('unicode.txt', encodeText('编号\t任务\t责任单位\r\n1\t走访\t区民政局\r\n', 'utf16le'));
    expect(await readLocalTable(path)).toEqual({
      source: path, headerRow: 1, headers: ['编号', '任务', '责任单位'], rows: [{ row: 2, cells: ['1', '走访', '区民政局'] }],
    });
  });

  it('takes the first non-blank row as the header when no row has two known headers, for the check to report', async () => {
    const path = await file('unknown-header.csv', '\n名称,单位,日期\n走访,区民政局,2022-06-30\n');
    const table = await readLocalTable(path);
    expect([table.headerRow, table.headers, table.rows.map((r) => r.row)]).toEqual([2, ['名称', '单位', '日期'], [3]]);
  });

  it('drops trailing blank rows but keeps inner ones with their row numbers', async () => {
    const path = await file('blank-rows.csv', '编号,任务\n1,a\n,\n3,b\n,\n\n');
    expect((await readLocalTable(path)).rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('reports a file of blank lines as empty', async () => {
    await expect(readLocalTable(await file('blank.csv', '\r\n,,\r\n'))).rejects.toMatchObject({ problem: 'empty' });
  });

  it('reads a CSV as ledger only', async () => {
    expect((await readLocalWorkbook(await file('only.csv', '编号,任务\n1,a\n'))).units).toBeNull();
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const path = await file('fake.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    await expect(readLocalTable(path)).rejects.toMatchObject({ name: 'LedgerReadError', problem: 'bad_xlsx' });
  });
});

describe('readLocalUnits', () => {
  it('finds the directory header below a title row', async () => {
    const path = await file('units.csv', '潼南区双拥工作联络员名单\n单位,别名,联络员\n区民政局,民政局,张三\n');
    const table = await readLocalUnits(path);
    expect([table.headerRow, table.headers, table.rows]).toEqual([2, ['单位', '别名', '联络员'], [{ row: 3, cells: ['区民政局', '民政局', '张三'] }]]);
  });
});
