import { createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ledger/encoding.js';
import { LedgerReadError } from '../../src/ledger/read-error.js';
import { silentLogger } from '../../src/log/logger.js';
import { createUpdater } from '../../src/sources/apply-update.js';
import { replaceIfUnchanged } from '../../src/sources/atomic-write.js';
import { LedgerChangedError } from '../../src/sources/ledger-changed.js';
import { openSource, type SourceDeps } from '../../src/sources/open-source.js';
import { csvGrid, EXAMPLE_TASKS, EXAMPLE_UNITS } from './example.js';

const DATE = '2026-11-29';
const deps: SourceDeps = { env: {}, logger: silentLogger };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-sources-'));
});

const lines = (path: string) => decodeText(readFileSync(path)).text.split('\r\n');

describe('local CSV source', () => {
  it('reads units.csv beside the ledger, without loading the Google or Feishu SDKs', async () => {
    copyFileSync(EXAMPLE_TASKS, join(dir, 'tasks.csv'));
    copyFileSync(EXAMPLE_UNITS, join(dir, 'units.csv'));
    const read = await openSource(join(dir, 'tasks.csv'), deps).read();
    expect(read.ledger.rows).toHaveLength(16);
    expect(read.units?.rows.length).toBe(24);
    expect(read.revision).toMatch(/^\d+(\.\d+)?-\d+$/);
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((p) => /@googleapis|googleapis-common|@larksuiteoapi/.test(p))).toEqual([]);
  });

  it('reports a missing file with the ledger reader error, and has no revision for it', async () => {
    const source = openSource(join(dir, 'missing.csv'), deps);
    expect(await source.revision()).toBeNull();
    await expect(source.read()).rejects.toBeInstanceOf(LedgerReadError);
    await expect(source.updateTask('1', { status: '已完成', date: DATE })).rejects.toThrow('找不到台账文件');
  });

  it('writes back in place: BOM and CRLF kept, other lines byte-identical, atomic, new revision', async () => {
    const path = join(dir, 'tasks.csv');
    copyFileSync(EXAMPLE_TASKS, path);
    const before = lines(path);
    const source = openSource(path, deps);
    const revision = await source.revision();
    const outcome = await source.updateTask('3', { status: '进行中', note: '=HYPERLINK("x")', by: '张三', date: DATE });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const after = lines(path);
    const changed = after.map((l, i) => (l === before[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toEqual([outcome.row - 1]);
    const row = csvGrid(path)[outcome.row - 1];
    expect(row[0]).toBe('3');
    expect(row[7]).toBe('进行中');
    expect(row[9]).toBe(`永久性双拥宣传栏已在双拥公园北门广场建成并投入使用\n[${DATE} 张三] =HYPERLINK("x")`);
    expect(row[10]).toBe(DATE);
    expect(readdirSync(dir)).toEqual(['tasks.csv']);
    expect(await source.revision()).not.toBe(revision);
  });

  it('keeps a GBK file GBK with LF line endings, writing the template status word', async () => {
    const path = join(dir, 'gbk.csv');
    const text = '编号,任务,责任单位,状态,进度,进展情况,更新时间\n1,修缮烈士陵园,区民政局,未开始,,,\n2,走访慰问,区退役军人事务局,进行中,50%,已走访 30 户,2026-11-01\n';
    writeFileSync(path, iconv.encode(text, 'gbk'));
    await expect(openSource(path, deps).updateTask('2', { status: '+已完成', date: DATE })).rejects.toThrow('无法识别');
    await openSource(path, deps).updateTask('2', { status: '办结', progress: '100', date: DATE });
    const decoded = decodeText(readFileSync(path));
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toBe(text.replace('进行中,50%,已走访 30 户,2026-11-01', `已完成,100%,已走访 30 户,${DATE}`));
  });

  it('refuses, leaving the file untouched, a note a GBK file cannot hold instead of writing "?"', async () => {
    const path = join(dir, 'gbk-emoji.csv');
    const text = '编号,任务,责任单位,进度,进展情况\n1,修缮烈士陵园,区民政局,10%,旧进展\n';
    writeFileSync(path, iconv.encode(text, 'gbk'));
    const before = readFileSync(path);
    const update = openSource(path, deps).updateTask('1', { progress: '50%', note: '已完工😀，见𠮷字', date: DATE });
    await expect(update).rejects.toThrow('“进展情况”中的「😀𠮷」无法保存到 GBK 编码的 CSV 文件');
    expect(readFileSync(path).equals(before)).toBe(true);
    await openSource(path, deps).updateTask('1', { note: '已完工「一期」—验收', date: DATE });
    expect(decodeText(readFileSync(path)).text).toContain('已完工「一期」—验收');
  });

  it('refuses an update for a column the ledger lacks, and warns about a missing 更新时间', async () => {
    const path = join(dir, 'short.csv');
    writeFileSync(path, '编号,任务,责任单位,状态\n1,任务一,区民政局,未开始\n');
    const source = openSource(path, deps);
    await expect(source.updateTask('1', { note: '开始了', date: DATE })).rejects.toThrow('台账没有“进展情况”列');
    const outcome = await source.updateTask('1', { status: '进行中', date: DATE });
    expect(outcome.warnings?.[0]).toContain('更新时间');
    expect(readFileSync(path, 'utf8')).toBe('编号,任务,责任单位,状态\n1,任务一,区民政局,进行中\n');
  });
});

describe('local XLSX source', () => {
  async function makeWorkbook(path: string) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow(['2026年双拥工作任务台账']);
    sheet.addRow(['编号', '任务', '责任单位', '截止日期', '状态', '进度', '进展情况', '更新时间']);
    sheet.addRow([1, '修缮烈士陵园', '区民政局', new Date(Date.UTC(2026, 11, 31)), '进行中', 0.6, '已完成设计', new Date(Date.UTC(2026, 10, 1))]);
    sheet.addRow([2, '走访慰问', '区退役军人事务局', new Date(Date.UTC(2026, 11, 15)), '未开始', null, null, null]);
    sheet.getCell('F3').numFmt = '0%';
    sheet.getRow(2).font = { bold: true };
    sheet.getCell('B4').note = '人工批注';
    sheet.getCell('E4').dataValidation = { type: 'list', formulae: ['"未开始,进行中,已完成,暂缓"'], allowBlank: true };
    const units = book.addWorksheet('单位');
    units.addRow(['单位', '联络员']);
    units.addRow(['区民政局', '赵六']);
    await book.xlsx.writeFile(path);
  }

  it('reads the units tab and changes only the target cells, keeping cell types and formatting', async () => {
    const path = join(dir, 'ledger.xlsx');
    await makeWorkbook(path);
    const source = openSource(path, deps);
    const read = await source.read();
    expect(read.units?.rows).toHaveLength(1);
    const outcome = await source.updateTask('1', { progress: '90%', note: '开工', by: '赵六', date: DATE });
    expect(outcome.row).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('台账')!;
    expect(sheet.getCell('F3').value).toBe(0.9);
    expect(sheet.getCell('G3').value).toBe(`已完成设计\n[${DATE} 赵六] 开工`);
    expect((sheet.getCell('H3').value as Date).toISOString().slice(0, 10)).toBe(DATE);
    expect(sheet.getCell('E3').value).toBe('进行中');
    expect((sheet.getCell('D3').value as Date).toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(sheet.getCell('A1').value).toBe('2026年双拥工作任务台账');
    expect(sheet.getRow(4).values).toEqual([, 2, '走访慰问', '区退役军人事务局', new Date(Date.UTC(2026, 11, 15)), '未开始']);
    expect(sheet.getCell('B2').font?.bold).toBe(true);
    expect(sheet.getCell('B4').note).toBe('人工批注');
    expect(sheet.getCell('E4').dataValidation?.formulae).toEqual(['"未开始,进行中,已完成,暂缓"']);
    expect(book.getWorksheet('单位')!.getCell('B2').value).toBe('赵六');
  });
});

describe('local XLSX write-back in the workbook\'s own words and types', () => {
  it('writes a word of the status cell\'s dropdown list (a range on another sheet) and a date into an empty date cell', async () => {
    const path = join(dir, 'words.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow(['编号', '任务', '责任单位', '状态', '办结时间', '进展情况']);
    sheet.addRow([1, '修缮烈士陵园', '区民政局', '办理中', new Date(Date.UTC(2026, 9, 8)), '']);
    sheet.addRow([2, '走访慰问', '区退役军人事务局', '待办', null, '']);
    sheet.getCell('E2').numFmt = 'yyyy"年"m"月"d"日"';
    for (const address of ['D2', 'D3']) sheet.getCell(address).dataValidation = { type: 'list', formulae: ['选项!$A$1:$A$4'], allowBlank: true };
    const lists = book.addWorksheet('选项');
    for (const word of ['待办', '办理中', '已销号', '暂缓']) lists.addRow([word]);
    await book.xlsx.writeFile(path);

    const outcome = await openSource(path, deps).updateTask('2', { status: '已完成', closedOn: DATE, date: DATE });
    expect(outcome.changes).toEqual([
      { column: '状态', before: '待办', after: '已销号' },
      { column: '办结时间', before: '', after: DATE },
    ]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    const written = after.getWorksheet('台账')!;
    expect(written.getCell('D3').value).toBe('已销号');
    expect(written.getCell('E3').value).toEqual(new Date(Date.UTC(2026, 10, 29)));
    expect(written.getCell('E3').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(written.getCell('D3').dataValidation?.formulae).toEqual(['选项!$A$1:$A$4']);
  });
});

describe('a local ledger another program changes during an update', () => {
  it('is never replaced from older bytes: the update reads it again and applies itself to what is there now', async () => {
    const path = join(dir, 'tasks.csv');
    writeFileSync(path, '编号,任务,责任单位,进展情况\n1,修缮烈士陵园,区民政局,旧\n');
    const read = readFileSync(path);
    writeFileSync(path, '编号,任务,责任单位,进展情况\n1,修缮烈士陵园,区民政局,旧\n2,新增任务,区民政局,\n');
    await expect(replaceIfUnchanged(path, read, Buffer.from('x'))).rejects.toBeInstanceOf(LedgerChangedError);
    expect(readFileSync(path, 'utf8')).toContain('新增任务');
  });

  it('re-reads and re-plans when the file changed, and refuses with a sentence after five changed reads', async () => {
    const table = (note: string) => ({ source: 't.csv', headerRow: 1, headers: ['编号', '任务', '进展情况'], rows: [{ row: 2, cells: ['1', 't', note] }] });
    const written: string[] = [];
    let reads = 0;
    const update = createUpdater({
      location: 'changing.csv',
      logger: silentLogger,
      readLedger: async () => table(`第${++reads}版`),
      writeCells: async (plan) => {
        if (reads < 3) throw new LedgerChangedError('台账文件 changing.csv 在读取后被其他程序修改');
        written.push(plan.cells[0].after);
      },
    });
    await update('1', { note: '新进展', date: DATE });
    expect([reads, written]).toEqual([3, [`第3版\n[${DATE}] 新进展`]]);

    const never = createUpdater({
      location: 'always.csv',
      logger: silentLogger,
      readLedger: async () => table('旧'),
      writeCells: async () => {
        throw new LedgerChangedError('台账文件 always.csv 在读取后被其他程序修改');
      },
    });
    await expect(never('1', { note: 'x', date: DATE })).rejects.toThrow(
      '台账文件 always.csv 在读取后被其他程序修改，已重新读取 5 次仍在变化，本次更新未写入；请关闭正在编辑台账的程序或稍后重试。',
    );
  });
});
