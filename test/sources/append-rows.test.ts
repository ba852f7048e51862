/**
 * appendRows on every backend: rows go below the ledger's last row, in its own columns, never over a row that is
 * there, ids continuing its numbering. Online backends are the real SDKs against the loopback servers.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable } from '../../src/ledger/read-local.js';
import { silentLogger } from '../../src/log/logger.js';
import { nextIds } from '../../src/sources/append-plan.js';
import { openSource, type SourceDeps } from '../../src/sources/open-source.js';
import type { NewRow } from '../../src/sources/source.js';
import { faults, startGoogleLoopback, type GoogleLoopback } from '../support/google/server.js';
import { apiRequests, startFeishuSetup, type FeishuSetup } from './feishu-harness.js';
import { asSpreadsheetCells, csvGrid, EXAMPLE_TASKS } from './example.js';

const ROWS: NewRow[] = [
  { category: '重点任务', title: '建设口袋公园', lead: '区城管局', assist: '各街道', due: '2022-09-30', status: '未开始', detail: '新建口袋公园10个。', leader: '张副区长' },
  { category: '重点任务', title: '=开展走访慰问', lead: '区民政局', due: '长期坚持', status: '未开始', detail: '做好优抚工作。' },
];

describe('nextIds', () => {
  it('continues numbers, prefixes and zero padding; starts at 1 without ids', () => {
    expect(nextIds(['1', '2', '16', ''], 2)).toEqual(['17', '18']);
    expect(nextIds(['RW-008', 'RW-009'], 2)).toEqual(['RW-010', 'RW-011']);
    expect(nextIds(['1-1', '1-2', '2-1'], 1)).toEqual(['2-2']);
    expect(nextIds([], 2)).toEqual(['1', '2']);
  });
});

describe('a local ledger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-append-'));

  it('CSV: rows after the last, blank lines below kept below, the file’s encoding kept, formulas neutralised', async () => {
    const path = join(dir, 'tasks.csv');
    const text = iconv.decode(iconv.encode(readFileSync(EXAMPLE_TASKS, 'utf8').replace(/^\uFEFF/, ''), 'gbk'), 'gbk');
    writeFileSync(path, iconv.encode(`${text}\r\n\r\n`, 'gbk'));
    const outcome = await openSource(path, { env: {}, logger: silentLogger }).appendRows!(ROWS);
    expect(outcome).toEqual({
      ids: ['17', '18'],
      place: '第 18–19 行',
      warnings: ['台账没有“工作内容”、“责任领导”列，这些内容已写在“进展情况”列中。'],
    });
    const lines = iconv.decode(readFileSync(path), 'gbk').split('\r\n');
    expect(lines.slice(17, 21)).toEqual([
      '17,重点任务,建设口袋公园,区城管局,各街道,,2022-09-30,未开始,,"工作内容：新建口袋公园10个。\n责任领导：张副区长",',
      "18,重点任务,'=开展走访慰问,区民政局,,,长期坚持,未开始,,工作内容：做好优抚工作。,",
      '',
      '',
    ]);
    const ledger = parseLedger(await readLocalTable(path), null, { today: '2022-06-27' });
    expect(ledger.tasks.slice(16).map((t) => [t.id, t.lead, t.due, t.ongoing])).toEqual([['17', ['区城管局'], '2022-09-30', false], ['18', ['区民政局'], null, true]]);
  });

  it('XLSX from the template: rows under the header in the template’s columns, the 台账 tab’s dropdown kept', async () => {
    const path = join(dir, 'ledger.xlsx');
    copyFileSync('sheets-templates/ledger-template.xlsx', path);
    const outcome = await openSource(path, { env: {}, logger: silentLogger }).appendRows!(ROWS);
    expect(outcome).toEqual({ ids: ['1', '2'], place: '第 2–3 行', warnings: [] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('台账')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['1', '重点任务', '建设口袋公园', '区城管局', '各街道', undefined, '2022-09-30', '未开始', undefined, undefined, undefined, '新建口袋公园10个。', '张副区长']);
    expect(sheet.getCell('H3').dataValidation).toMatchObject({ type: 'list' });
  });

  it('refuses a ledger without a 任务 or 责任单位 column, changing nothing', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, '编号,进展情况\r\n1,已启动\r\n');
    await expect(openSource(path, { env: {}, logger: silentLogger }).appendRows!(ROWS)).rejects.toThrow(/没有“任务”列，无法追加任务/);
    expect(readFileSync(path, 'utf8')).toBe('编号,进展情况\r\n1,已启动\r\n');
  });
});

describe('Google Sheets', () => {
  const ID = '1AbC-duban_append';
  let server: GoogleLoopback;
  let deps: SourceDeps;
  const url = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;

  beforeAll(async () => {
    server = await startGoogleLoopback();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    const grid = asSpreadsheetCells(csvGrid(EXAMPLE_TASKS));
    // A note two rows under the ledger: rows are inserted, so it is pushed down, never written over.
    server.addSpreadsheet(ID, [{ title: '台账 2022', rows: [...grid, [], ['注：本表每周五更新']] }]);
    server.clearFaults();
    server.requests.length = 0;
    deps = { env: { GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url }, logger: silentLogger, sleep: async () => undefined };
  });

  it('appends with one values.append below the last row, RAW, inserting rows, ids continuing', async () => {
    const outcome = await openSource(url, deps).appendRows!(ROWS);
    expect(outcome.ids).toEqual(['17', '18']);
    expect(outcome.place).toBe('第 20–21 行');
    const append = server.requests.find((r) => r.path.endsWith(':append'))!;
    expect(decodeURIComponent(append.path).split('/').pop()).toBe("'台账 2022'!A20:append");
    expect([append.query.get('valueInputOption'), append.query.get('insertDataOption')]).toEqual(['RAW', 'INSERT_ROWS']);
    const rows = server.tab(ID, '台账 2022').rows;
    expect(rows[18][0]).toBe('注：本表每周五更新');
    expect(rows.slice(19, 21).map((r) => [r[0], r[2], r[3]])).toEqual([['17', '建设口袋公园', '区城管局'], ['18', "'=开展走访慰问", '区民政局']]);
  });

  it('retries an append refused for quota, but not one that may have been applied (a server error)', async () => {
    server.fault({ method: 'POST', path: /:append$/, times: 1, respond: faults.quota(1) });
    await openSource(url, deps).appendRows!(ROWS);
    expect(server.requests.filter((r) => r.path.endsWith(':append')).map((r) => r.status)).toEqual([429, 200]);
    server.requests.length = 0;
    server.fault({ method: 'POST', path: /:append$/, times: 1, respond: faults.serverError() });
    await expect(openSource(url, deps).appendRows!(ROWS)).rejects.toThrow(/Google 服务器暂时出错/);
    expect(server.requests.filter((r) => r.path.endsWith(':append'))).toHaveLength(1);
  });
});

describe('Feishu Sheets and Bitable', () => {
  const TOKEN = 'shtcnDubanAppend01';
  const APP = 'bascnDubanAppend01';
  let f: FeishuSetup;

  beforeAll(async () => {
    f = await startFeishuSetup();
  });
  afterAll(() => f.server.close());
  beforeEach(() => {
    f.sheets.addSpreadsheet(TOKEN, [{ sheet_id: 'Q7PlXT', title: '台账', rows: [...asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)), [], ['注：本表每周五更新']] }]);
    f.server.requests.length = 0;
    f.server.clearFaults();
  });

  it('Feishu Sheets: one values_append below the last row with INSERT_ROWS, serialised with other writes', async () => {
    const outcome = await openSource(`https://tongnan.feishu.cn/sheets/${TOKEN}?sheet=Q7PlXT`, f.deps).appendRows!(ROWS);
    expect(outcome).toMatchObject({ ids: ['17', '18'], place: '第 20–21 行' });
    const append = apiRequests(f.server).find((r) => r.path.endsWith('/values_append'))!;
    expect(append.query.insertDataOption).toBe('INSERT_ROWS');
    expect(append.body.valueRange.range).toBe('Q7PlXT!A20:K21');
    const rows = f.sheets.tab(TOKEN, '台账').rows;
    expect(rows[18][0]).toBe('注：本表每周五更新');
    expect(rows.slice(19, 21).map((r) => [r[0], r[2], r[6]])).toEqual([['17', '建设口袋公园', '2022-09-30'], ['18', "'=开展走访慰问", '长期坚持']]);
  });

  it('appends to a sheet kept in a wiki, through its node', async () => {
    f.sheets.addSpreadsheet('shtcnDubanExample01', [{ sheet_id: 'Q7PlXT', title: '台账', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) }]);
    const outcome = await openSource('https://tongnan.feishu.cn/wiki/wikcnLedgerSheet?sheet=Q7PlXT', f.deps).appendRows!(ROWS);
    expect(outcome).toMatchObject({ ids: ['17', '18'], place: '第 18–19 行' });
  });

  it('the loopback answers values_append as documented: OVERWRITE writes over rows below a short gap, INSERT_ROWS and values_prepend insert', async () => {
    f.sheets.addSpreadsheet('shtGap', [{ sheet_id: 'g1', title: 'Gap', rows: [['a'], [], ['c'], ['d']] }]);
    const call = (url: string, data: unknown, params?: Record<string, string>) => f.client.call({ method: 'POST', url: `/open-apis/sheets/v2/spreadsheets/shtGap/${url}`, data, params });
    await call('values_append', { valueRange: { range: 'g1!A1:A2', values: [['x'], ['y']] } });
    expect(f.sheets.tab('shtGap', 'Gap').rows.map((r) => r[0])).toEqual(['a', 'x', 'y', 'd']);
    await call('values_append', { valueRange: { range: 'g1!A1:A1', values: [['z']] } }, { insertDataOption: 'INSERT_ROWS' });
    expect(f.sheets.tab('shtGap', 'Gap').rows.map((r) => r[0])).toEqual(['a', 'x', 'y', 'd', 'z']);
    await call('values_prepend', { valueRange: { range: 'g1!A1:A1', values: [['top']] } });
    expect(f.sheets.tab('shtGap', 'Gap').rows.map((r) => r[0])).toEqual(['top', 'a', 'x', 'y', 'd', 'z']);
    await expect(call('values_append', { valueRange: { range: 'nope!A1:A1', values: [['x']] } })).rejects.toMatchObject({ code: 1310202 });
  });

  it('Bitable: batch_create with typed fields and a client_token, ids continuing; an auto-number 编号 and a person field are the base’s', async () => {
    const fields = [
      { field_name: '编号', type: 1 }, { field_name: '任务', type: 1 }, { field_name: '责任单位', type: 1 }, { field_name: '协助单位', type: 4, property: { options: [{ name: '各街道' }, { name: '区民政局' }] } },
      { field_name: '截止日期', type: 5 }, { field_name: '状态', type: 3, property: { options: [{ name: '未启动' }, { name: '推进中' }, { name: '已办结' }] } }, { field_name: '工作内容', type: 1 }, { field_name: '责任领导', type: 11 },
    ];
    const records = [{ record_id: 'rec1', fields: { 编号: '7', 任务: '已有任务', 责任单位: '区交通局' } }];
    f.bitable.addTable(APP, 'tblAppend01', { name: '台账', fields, records });
    const source = openSource(`https://tongnan.feishu.cn/base/${APP}?table=tblAppend01`, f.deps);
    const outcome = await source.appendRows!(ROWS);
    expect(outcome).toEqual({
      ids: ['8', '9'],
      place: '多维表格新增记录 2 条',
      warnings: ['台账没有“类别”列，这些内容未写入；如需保留，请先在表头加上这些列再导入。', '字段“责任领导”的类型不能写入文字，新增记录中这一项留空，请在多维表格中补填。', '字段“截止日期”的类型不能写入文字，新增记录中这一项留空，请在多维表格中补填。'],
    });
    const create = apiRequests(f.server).find((r) => r.path.endsWith('/records/batch_create'))!;
    expect(create.query.client_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.body.records[0].fields).toEqual({ 编号: '8', 任务: '建设口袋公园', 责任单位: '区城管局', 协助单位: ['各街道'], 截止日期: Date.UTC(2022, 8, 30) - 8 * 3600_000, 状态: '未启动', 工作内容: '新建口袋公园10个。' });
    expect(f.bitable.table(APP, 'tblAppend01').records).toHaveLength(3);

    const auto = [{ field_name: '编号', type: 1005 }, { field_name: '任务', type: 1 }, { field_name: '责任单位', type: 1 }];
    f.bitable.addTable(APP, 'tblAuto01', { name: '自动编号', fields: auto, records: [] });
    const numbered = await openSource(`bitable:${APP}/tblAuto01`, f.deps).appendRows!([{ title: '甲', lead: '区民政局' }, { title: '乙', lead: '区财政局' }]);
    expect(numbered.ids).toEqual(['1', '2']);
  });

  it('Bitable: creates many records 500 per call, and says what a refused batch was', async () => {
    f.bitable.addTable(APP, 'tblMany01', { fields: [{ field_name: '编号', type: 1 }, { field_name: '任务', type: 1 }, { field_name: '责任单位', type: 1 }], records: [] });
    const many = Array.from({ length: 1001 }, (_, i) => ({ title: `任务 ${i + 1}`, lead: '区民政局' }));
    const outcome = await openSource(`bitable:${APP}/tblMany01`, f.deps).appendRows!(many);
    expect(outcome.ids.at(-1)).toBe('1001');
    expect(apiRequests(f.server).filter((r) => r.path.endsWith('/records/batch_create')).map((r) => r.body.records.length)).toEqual([500, 500, 1]);
    f.server.fault({ path: /tblMany01\/records\/batch_create$/, times: 1, respond: { body: { code: 1254045, msg: 'FieldNameNotFound' } } });
    await expect(openSource(`bitable:${APP}/tblMany01`, f.deps).appendRows!([{ title: '甲', lead: '区民政局' }])).rejects.toThrow(/1254045|FieldNameNotFound/);
  });
});
