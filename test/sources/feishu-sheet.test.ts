import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toSerial } from '../../src/calendar/dates.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable } from '../../src/ledger/read-local.js';
import { openSource } from '../../src/sources/open-source.js';
import { apiRequests, type FeishuSetup, useFeishuSetup } from './feishu-harness.js';
import { asSpreadsheetCells, csvGrid, digest, EXAMPLE_TASKS, EXAMPLE_UNITS } from './example.js';

const TOKEN = 'shtcnDubanExample01';
const URL_ = `https://tongnan.feishu.cn/sheets/${TOKEN}?sheet=Q7PlXT`;
const DATE = '2026-11-29';
let f: FeishuSetup;

const feishu = useFeishuSetup();
beforeEach(() => {
  f = feishu();
  f.sheets.addSpreadsheet(TOKEN, [
    { sheet_id: 'Q7PlXT', title: '台账', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
    { sheet_id: 'u8Kx2P', title: '单位', rows: csvGrid(EXAMPLE_UNITS) },
  ]);
  f.sheets.writeDelayMs = 0;
  f.server.requests.length = 0;
  f.server.clearFaults();
  f.clock.sleeps.length = 0;
});

const rowOf = (id: number) => f.sheets.tab(TOKEN, '台账').rows.find((r) => r[0] === id)!;

describe('Feishu Sheets source', () => {
  it('reads the example ledger and units to the same tasks as the CSV', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    const read = await openSource(URL_, f.deps).read();
    expect(read.revision).toBe('1');
    expect(digest(parseLedger(read.ledger, read.units, { today: DATE }))).toEqual(digest(local));
  });

  it('reads ledger and units in one values_batch_get per cycle, sheet ids queried once', async () => {
    const source = openSource(URL_, f.deps);
    await source.read();
    await source.read();
    const calls = apiRequests(f.server).map((r) => r.path.split('/').slice(-2).join('/'));
    expect(calls).toEqual([`${TOKEN}/sheets/query`.split('/').slice(-2).join('/'), `${TOKEN}/values_batch_get`, `${TOKEN}/values_batch_get`]);
    const batch = apiRequests(f.server)[1];
    expect(batch.query.ranges).toBe('Q7PlXT,u8Kx2P');
    expect(batch.query.dateTimeRenderOption).toBeUndefined();
  });

  it('reads a 2,000-row ledger in one request per cycle', async () => {
    const header = csvGrid(EXAMPLE_TASKS)[0];
    const rows = Array.from({ length: 2000 }, (_, i) => [i + 1, '类别', `任务 ${i + 1}`, '区交通局', null, 45000, 45300, '进行中', 0.5, null, 45600]);
    f.sheets.addSpreadsheet('shtBig', [{ sheet_id: 'big001', title: 'Tasks', rows: [header, ...rows] }]);
    const source = openSource('feishu-sheet:shtBig/Tasks', f.deps);
    await source.read();
    f.server.requests.length = 0;
    const read = await source.read();
    expect(apiRequests(f.server)).toHaveLength(1);
    expect(parseLedger(read.ledger, read.units, { today: DATE }).tasks).toHaveLength(2000);
  });

  it('writes only the target cells of the right row after a re-sort, keeping a concurrent human edit', async () => {
    const source = openSource(URL_, f.deps);
    await source.read();
    const tab = f.sheets.tab(TOKEN, '台账');
    tab.rows = [tab.rows[0], ...tab.rows.slice(1).reverse()];
    rowOf(7)[2] = '人工修改';
    const before = tab.rows.map((r) => [...r]);
    const outcome = await source.updateTask('7', { status: '已完成', progress: '100', note: '+已办结', by: '李四', date: DATE });
    const row = rowOf(7);
    expect(outcome.row).toBe(tab.rows.indexOf(row) + 1);
    expect(row[2]).toBe('人工修改');
    // The percent and date cells held numbers, so they get numbers again (a string would turn them into text).
    expect([row[7], row[8], row[10]]).toEqual(['已完成', 1, toSerial(DATE)]);
    expect(String(row[9])).toMatch(new RegExp(`\\n\\[${DATE} 李四\\] \\+已办结$`));
    // Every other cell is unchanged.
    tab.rows.forEach((r, i) => r.forEach((cell, j) => (r === row && [7, 8, 9, 10].includes(j)) || expect(cell).toEqual(before[i][j])));
    const write = apiRequests(f.server).find((r) => r.method === 'POST')!;
    const ranges = write.body.valueRanges.map((v: { range: string }) => v.range);
    expect(ranges).toHaveLength(outcome.changes.length);
    for (const range of ranges) expect(range).toMatch(new RegExp(`^Q7PlXT!(?<col>[HIJK])${outcome.row}:\\k<col>${outcome.row}$`));
  });

  it('writes text where the cell held text: a progress typed as "85%" stays text; an empty date cell takes its column\'s form', async () => {
    const source = openSource(URL_, f.deps);
    rowOf(3)[8] = '85%';
    rowOf(3)[10] = null;
    await source.updateTask('3', { progress: '90%', date: DATE });
    // The other 更新时间 cells hold serial dates: the empty one gets a serial date too, not text.
    expect([rowOf(3)[8], rowOf(3)[10]]).toEqual(['90%', toSerial(DATE)]);
    const write = apiRequests(f.server).find((r) => r.method === 'POST')!;
    expect(write.body.valueRanges.map((v: { values: unknown[][] }) => v.values[0][0])).toEqual(['90%', toSerial(DATE)]);
    // A column of dates typed as text ("2022年6月20日") gets text in the same form.
    for (const row of f.sheets.tab(TOKEN, '台账').rows.slice(1)) if (typeof row[10] === 'number') row[10] = '2022年6月20日';
    rowOf(4)[10] = null;
    await source.updateTask('4', { progress: '90%', date: DATE });
    expect(rowOf(4)[10]).toBe('2026年11月29日');
  });

  it('refuses formula input as a status, writing nothing', async () => {
    const before = rowOf(1)[7];
    await expect(openSource(URL_, f.deps).updateTask('1', { status: '@SUM(A1)', date: DATE })).rejects.toThrow('无法识别');
    expect(rowOf(1)[7]).toBe(before);
  });

  it('never overlaps two writes to one spreadsheet', async () => {
    f.sheets.writeDelayMs = 30;
    const source = openSource(URL_, f.deps);
    const other = openSource(URL_, f.deps);
    await Promise.all([
      source.updateTask('1', { note: 'a', date: DATE }),
      source.updateTask('1', { note: 'b', date: DATE }),
      other.updateTask('2', { note: 'c', date: DATE }),
    ]);
    expect(f.sheets.overlappingWrites).toBe(0);
    expect(String(rowOf(1)[9])).toMatch(/\[2026-11-29\] a\n\[2026-11-29\] b$/);
  });

  it('gives a cheap revision that changes after a write', async () => {
    const source = openSource(URL_, f.deps);
    const first = await source.revision();
    await source.updateTask('2', { progress: '75%', date: DATE });
    expect(await source.revision()).not.toBe(first);
  });

  it('tells the office to add the app to the document on 1310213', async () => {
    f.server.fault({ path: /sheets\/query$/, times: 1, respond: { status: 403, body: { code: 1310213, msg: 'Permission Fail' } } });
    await expect(openSource(URL_, f.deps).read()).rejects.toThrow(/添加文档应用.*sheets:spreadsheet/);
  });

  it('names an unknown tab', async () => {
    await expect(openSource(`feishu-sheet:${TOKEN}/不存在`, f.deps).read()).rejects.toThrow(/找不到工作表“不存在”（现有：台账、单位）/);
  });

  it('reads a sheet kept in a wiki (知识库) through its node, and explains a wiki page that is not a table', async () => {
    const source = openSource('https://tongnan.feishu.cn/wiki/wikcnLedgerSheet?sheet=Q7PlXT', f.deps);
    expect((await source.read()).ledger.rows).toHaveLength(16);
    await source.read();
    expect(apiRequests(f.server).filter((r) => r.path.endsWith('/get_node'))).toHaveLength(1);
    await expect(openSource('https://tongnan.feishu.cn/wiki/wikcnMinutes', f.deps).read()).rejects.toThrow('知识库页面“会议纪要”是 docx 文档，不是电子表格或多维表格');
    await expect(openSource('https://tongnan.feishu.cn/wiki/wikcnLedgerBase', f.deps).read()).rejects.toThrow(/缺少 table 参数/);
  });
});

describe('Feishu Sheets answer variants the docs leave open', () => {
  afterEach(() => {
    f.sheets.variant = {};
  });

  it('reads the same tasks when trailing blanks are trimmed and ranges come back in another order', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    f.sheets.variant = { trimTrailing: true, reverseRanges: true };
    const read = await openSource(URL_, f.deps).read();
    expect(digest(parseLedger(read.ledger, read.units, { today: DATE }))).toEqual(digest(local));
  });

  it('reads serial dates and ids sent as text (a literal ToString) as the same dates and ids', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    f.sheets.variant = { numbersAsText: true };
    const read = await openSource(URL_, f.deps).read();
    const datesOf = (tasks: typeof local.tasks) => tasks.map((t) => [t.id, t.start, t.due, t.updated]);
    expect(datesOf(parseLedger(read.ledger, read.units, { today: DATE }).tasks)).toEqual(datesOf(local.tasks));
  });

  it.each(['null', 'absent'] as const)('reads an empty tab whose values are %s', async (emptyValues) => {
    f.sheets.addSpreadsheet(TOKEN, [
      { sheet_id: 'Q7PlXT', title: '台账', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
      { sheet_id: 'c4LnDr', title: '日历', rows: [] },
    ]);
    f.sheets.variant = { emptyValues, trimTrailing: true };
    const source = openSource(URL_, f.deps);
    expect((await source.readTab!('日历'))?.rows).toEqual([]);
    expect((await source.read()).ledger.rows).toHaveLength(16);
  });
});
