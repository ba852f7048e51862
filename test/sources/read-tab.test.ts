import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toSerial } from '../../src/calendar/dates.js';
import { overridesFromTable } from '../../src/ledger/calendar-table.js';
import type { RawTable } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log/logger.js';
import { openSource, type SourceDeps } from '../../src/sources/open-source.js';
import { startGoogleLoopback, type GoogleLoopback } from '../support/google/server.js';
import { apiRequests, startFeishuSetup, type FeishuSetup } from './feishu-harness.js';
import { asSpreadsheetCells, csvGrid, EXAMPLE_TASKS, EXAMPLE_UNITS } from './example.js';

// A local day off on a Wednesday and an extra working Saturday, as an office would type them.
const DAY_OFF = '2026-12-09';
const EXTRA_WORKDAY = '2026-12-12';
const EXPECTED = { daysOff: [DAY_OFF], workdays: [EXTRA_WORKDAY] };

/** The tab as a spreadsheet holds it: dates as serial day numbers. */
const SERIAL_ROWS = [['日期', '类型', '说明'], [toSerial(DAY_OFF), '休息', '区运动会'], [toSerial(EXTRA_WORKDAY), '上班', '']];

function expectCalendarTab(table: RawTable | null, source: RegExp): void {
  expect(table).not.toBeNull();
  expect(table!.source).toMatch(source);
  expect(table!.headers.slice(0, 2)).toEqual(['日期', '类型']);
  expect(overridesFromTable(table!)).toEqual({ overrides: EXPECTED, problems: [] });
}

describe('local ledger: readTab', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-read-tab-'));
  });

  it('reads a named sheet of an XLSX ledger (dates as real dates), rows numbered as in the sheet; null for a missing sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows(csvGrid(EXAMPLE_TASKS));
    const tab = wb.addWorksheet('调休');
    tab.addRow([]);
    tab.addRows([['日期', '类型'], [new Date(Date.UTC(2026, 11, 9)), '休息'], [EXTRA_WORKDAY, '上班']]);
    const path = join(dir, 'ledger.xlsx');
    await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const source = openSource(path, { logger: silentLogger, env: {} });
    const table = await source.readTab!('调休');
    expectCalendarTab(table, /ledger\.xlsx \[调休\]$/);
    expect(table!.headerRow).toBe(2);
    expect(table!.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(await source.readTab!('工作日调整')).toBeNull();
  });

  it('reads <name>.csv beside a CSV ledger; null when there is no such file', async () => {
    const path = join(dir, 'tasks.csv');
    await writeFile(path, csvGrid(EXAMPLE_TASKS).map((r) => r.join(',')).join('\n'));
    await writeFile(join(dir, '调休.csv'), `日期,类型\n${DAY_OFF},休息\n${EXTRA_WORKDAY},补班\n`);
    const source = openSource(path, { logger: silentLogger, env: {} });
    expectCalendarTab(await source.readTab!('调休'), /调休\.csv$/);
    expect(await source.readTab!('放假')).toBeNull();
  });
});

describe('Google Sheets ledger: readTab', () => {
  const ID = '1AbC-duban_read_tab';
  const URL_ = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
  let server: GoogleLoopback;
  let deps: SourceDeps;

  beforeAll(async () => {
    server = await startGoogleLoopback();
    deps = { env: { GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url }, logger: silentLogger, sleep: async () => {} };
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.addSpreadsheet(ID, [
      { title: '台账', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
      { title: '调休', rows: SERIAL_ROWS },
    ]);
    server.requests.length = 0;
  });

  it('reads the quoted tab in one values.get with serial dates', async () => {
    expectCalendarTab(await openSource(URL_, deps).readTab!('调休'), /（工作表 调休）$/);
    expect(server.requests.map((r) => [r.method, decodeURIComponent(r.path.split('/').pop()!)])).toEqual([['GET', "'调休'"]]);
    expect(server.requests[0].query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(server.requests[0].query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
  });

  it('answers null for a tab that does not exist, in one request and without retrying', async () => {
    expect(await openSource(URL_, deps).readTab!("O'Brien 调休")).toBeNull();
    expect(server.requests.map((r) => r.status)).toEqual([400]);
  });

  it('still reads tabs when the unit directory is a local file', async () => {
    expectCalendarTab(await openSource(URL_, { ...deps, units: EXAMPLE_UNITS }).readTab!('调休'), /调休/);
  });
});

describe('Feishu ledgers: readTab', () => {
  const SHEET = 'shtcnDubanExample01';
  const APP = 'bascnDubanExample01';
  let f: FeishuSetup;

  beforeAll(async () => {
    f = await startFeishuSetup();
  });
  afterAll(() => f.server.close());
  beforeEach(() => {
    f.sheets.addSpreadsheet(SHEET, [
      { sheet_id: 'Q7PlXT', title: '台账', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
      { sheet_id: 'u8Kx2P', title: '单位', rows: csvGrid(EXAMPLE_UNITS) },
      { sheet_id: 'c4LnD1', title: '调休', rows: SERIAL_ROWS },
    ]);
    // Bitable date fields hold ms at Asia/Shanghai midnight; the kind is a single select.
    const shanghaiMs = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
    f.bitable.addTable(APP, 'tblLedger01', { name: '台账', fields: [{ field_name: '编号', type: 1 }], records: [] });
    f.bitable.addTable(APP, 'tblCalendar1', {
      name: '调休',
      fields: [{ field_name: '日期', type: 5 }, { field_name: '类型', type: 3 }],
      records: [
        { record_id: 'rec1', fields: { 日期: shanghaiMs(DAY_OFF), 类型: '休息' } },
        { record_id: 'rec2', fields: { 日期: shanghaiMs(EXTRA_WORKDAY), 类型: '上班' } },
      ],
    });
    f.server.requests.length = 0;
  });

  it('Feishu Sheets: the sheet id comes from the cached sheets/query, the values from one values_batch_get', async () => {
    const source = openSource(`https://tongnan.feishu.cn/sheets/${SHEET}?sheet=Q7PlXT`, f.deps);
    await source.read();
    expectCalendarTab(await source.readTab!('调休'), /（工作表 调休）$/);
    expect(await source.readTab!('放假')).toBeNull();
    const calls = apiRequests(f.server).map((r) => r.path.split('/').pop());
    expect(calls).toEqual(['query', 'values_batch_get', 'values_batch_get']);
    expect(apiRequests(f.server)[2].query.ranges).toBe('c4LnD1');
  });

  it('a sheet in a wiki reads its tabs once the node is resolved', async () => {
    expectCalendarTab(await openSource('https://tongnan.feishu.cn/wiki/wikcnLedgerSheet', f.deps).readTab!('调休'), /调休/);
  });

  it('Bitable: a table of the base by name (tables listed once); null for a missing table', async () => {
    const source = openSource(`https://tongnan.feishu.cn/base/${APP}?table=tblLedger01`, f.deps);
    expectCalendarTab(await source.readTab!('调休'), /（数据表 调休）$/);
    expect(await source.readTab!('放假')).toBeNull();
    expect(apiRequests(f.server).filter((r) => r.path.endsWith('/tables'))).toHaveLength(1);
  });
});
