import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toSerial } from '../../src/calendar/dates.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { readLocalTable } from '../../src/ledger/read-local.js';
import { silentLogger } from '../../src/log/logger.js';
import { createGoogleSheetsClient } from '../../src/sources/google-client.js';
import { openSource, type SourceDeps } from '../../src/sources/open-source.js';
import { SourceError } from '../../src/sources/source-error.js';
import { faults, startGoogleLoopback, type GoogleLoopback } from '../support/google/server.js';
import { asSpreadsheetCells, csvGrid, digest, EXAMPLE_TASKS, EXAMPLE_UNITS } from './example.js';

/** The part of google-auth-library's JWT client the token test reaches into. */
interface TokenTransport {
  transporter: { interceptors: { request: { add(i: { resolved(config: { url?: unknown }): Promise<{ url?: unknown }> }): void } } };
}

const ID = '1AbC-duban_example';
const URL_ = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
const DATE = '2026-11-29';
let server: GoogleLoopback;
let sleeps: number[];
let deps: SourceDeps;

function seed() {
  server.addSpreadsheet(ID, [
    { title: '台账 2022', rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
    { title: '单位', rows: csvGrid(EXAMPLE_UNITS) },
  ]);
}

const rowOf = (id: number) => server.tab(ID, '台账 2022').rows.find((r) => r[0] === id)!;

beforeAll(async () => {
  server = await startGoogleLoopback();
});
afterAll(() => server.close());
beforeEach(() => {
  seed();
  server.clearFaults();
  server.requests.length = 0;
  sleeps = [];
  const env = { GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url };
  deps = { env, logger: silentLogger, sleep: async (ms) => void sleeps.push(ms) };
});

describe('Google Sheets source', () => {
  it('reads the example ledger and units to the same tasks as the CSV', async () => {
    const local = parseLedger(await readLocalTable(EXAMPLE_TASKS), await readLocalTable(EXAMPLE_UNITS), { today: DATE });
    const read = await openSource(URL_, deps).read();
    const online = parseLedger(read.ledger, read.units, { today: DATE });
    expect(online.tasks.length).toBe(16);
    expect(digest(online)).toEqual(digest(local));
  });

  it('reads ledger and units in one batchGet per cycle (tab list fetched once), with quoted tab names', async () => {
    const source = openSource(URL_, deps);
    await source.read();
    await source.read();
    const paths = server.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`);
    expect(paths).toEqual([`GET ${ID}`, 'GET values:batchGet', 'GET values:batchGet']);
    const batch = server.requests[1];
    expect(batch.query.getAll('ranges')).toEqual(["'台账 2022'", "'单位'"]);
    expect(batch.query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(batch.query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
  });

  it('reads a 2,000-row ledger in one request per cycle', async () => {
    const header = csvGrid(EXAMPLE_TASKS)[0];
    const rows = Array.from({ length: 2000 }, (_, i) => [i + 1, '类别', `任务 ${i + 1}`, '区交通局', '', 45000, 45300 + (i % 50), '进行中', 0.5, '', 45600]);
    server.addSpreadsheet('big', [{ title: 'Tasks', rows: [header, ...rows] }]);
    const source = openSource('https://docs.google.com/spreadsheets/d/big/edit', deps);
    await source.read();
    server.requests.length = 0;
    const read = await source.read();
    expect(server.requests).toHaveLength(1);
    const ledger = parseLedger(read.ledger, read.units, { today: DATE });
    expect(ledger.tasks).toHaveLength(2000);
    // Serial 45349 = 2024-01-01 (45292) + 57 days.
    expect(ledger.tasks[1999].due).toBe('2024-02-27');
  });

  it('writes status, progress, appended note and date for the right row after the sheet was re-sorted', async () => {
    const source = openSource(URL_, deps);
    await source.read();
    const tab = server.tab(ID, '台账 2022');
    tab.rows = [tab.rows[0], ...tab.rows.slice(1).reverse()];
    const outcome = await source.updateTask('3', { status: '进行中', progress: '0.9', note: '宣传栏已维护', by: '张三', date: DATE });
    const row = rowOf(3);
    expect(outcome.row).toBe(tab.rows.indexOf(row) + 1);
    expect(row[7]).toBe('进行中');
    // A percent cell (1 = 100%) and a serial date stay numbers, so the sheet's formats and sorting keep working.
    expect(row[8]).toBe(0.9);
    expect(row[9]).toBe(`永久性双拥宣传栏已在双拥公园北门广场建成并投入使用\n[${DATE} 张三] 宣传栏已维护`);
    expect(row[10]).toBe(toSerial(DATE));
    expect(outcome.changes.find((c) => c.column === '进度')).toMatchObject({ before: '100%', after: '90%' });
    const write = server.requests.find((r) => r.method === 'POST')!;
    expect(write.body.valueInputOption).toBe('RAW');
    expect(write.body.data.map((d: { range: string }) => d.range)).toEqual(
      ['H', 'I', 'J', 'K'].map((c) => `'台账 2022'!${c}${outcome.row}`),
    );
  });

  it('writes text over text cells and a whole percent over a whole-percent number cell', async () => {
    rowOf(6)[8] = '85%';
    rowOf(6)[10] = '2022-06-24';
    rowOf(7)[8] = 85;
    const source = openSource(URL_, deps);
    await source.updateTask('6', { progress: '90', date: DATE });
    await source.updateTask('7', { progress: '90%', date: DATE });
    expect([rowOf(6)[8], rowOf(6)[10]]).toEqual(['90%', DATE]);
    expect([rowOf(7)[8], rowOf(7)[10]]).toEqual([90, toSerial(DATE)]);
  });

  it('keeps a concurrent human edit of another cell and appends to the note as it is at write time', async () => {
    const source = openSource(URL_, deps);
    await source.read();
    rowOf(4)[2] = '人工修改的任务标题';
    rowOf(4)[9] = '人工刚写的进展';
    await source.updateTask('4', { note: '补植完成', date: DATE });
    expect(rowOf(4)[2]).toBe('人工修改的任务标题');
    expect(rowOf(4)[9]).toBe(`人工刚写的进展\n[${DATE}] 补植完成`);
    expect(rowOf(5)).toEqual(asSpreadsheetCells(csvGrid(EXAMPLE_TASKS))[5]);
  });

  it('refuses formula input as a status and writes notes as inert text, RAW', async () => {
    const before = rowOf(2)[7];
    await expect(openSource(URL_, deps).updateTask('2', { status: '=IMPORTXML("http://x","//a")', date: DATE })).rejects.toThrow('无法识别');
    expect(rowOf(2)[7]).toBe(before);
    await openSource(URL_, deps).updateTask('2', { note: '=IMPORTXML("http://x","//a")', date: DATE });
    expect(String(rowOf(2)[9]).startsWith('=')).toBe(false);
    expect(String(rowOf(2)[9])).toContain(`[${DATE}] =IMPORTXML`);
  });

  it('refuses a missing or duplicated id without writing', async () => {
    const source = openSource(URL_, deps);
    await expect(source.updateTask('99', { status: '已完成', date: DATE })).rejects.toThrow('找不到编号为“99”');
    rowOf(6)[0] = 5;
    await expect(source.updateTask('5', { status: '已完成', date: DATE })).rejects.toThrow(/编号“5”在台账中出现了 2 次/);
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('retries 429 (honouring Retry-After), 500 and a dropped connection, then succeeds', async () => {
    server.fault({ path: /batchGet/, times: 1, respond: faults.quota(7) });
    server.fault({ path: /batchGet/, times: 1, respond: faults.serverError() });
    server.fault({ path: /batchGet/, times: 1, respond: 'drop' });
    const read = await openSource(URL_, deps).read();
    expect(read.ledger.rows.length).toBe(16);
    expect(sleeps[0]).toBe(7000);
    expect(sleeps).toHaveLength(3);
  });

  it('waits for a slow answer', async () => {
    server.fault({ path: /batchGet/, times: 1, respond: { delayMs: 300 } });
    expect((await openSource(URL_, deps).read()).ledger.rows.length).toBe(16);
  });

  it('gives up on a quota that stays exhausted after about a minute of backoff', async () => {
    server.fault({ path: /batchGet/, times: 100, respond: faults.quota() });
    await expect(openSource(URL_, deps).read()).rejects.toThrow(/配额/);
    // Backoff 1, 2, 4, 8, 16 s (plus jitter), then the rest of the minute, then it gives up.
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(sleeps).toHaveLength(6);
  });

  it('explains 403 with the service account to share with, and 404 with the id', async () => {
    const account = 'duban-bot@duban-project.iam.gserviceaccount.com';
    const google = async () => ({ sheets: (await createGoogleSheetsClient(deps.env)).sheets, account });
    server.fault({ times: 1, respond: faults.forbidden() });
    const denied = openSource(URL_, { ...deps, google }).read();
    await expect(denied).rejects.toThrow(`请把表格共享给 ${account}`);
    await expect(denied).rejects.toBeInstanceOf(SourceError);
    await expect(openSource('https://docs.google.com/spreadsheets/d/no-such-sheet/edit', deps).read()).rejects.toThrow('找不到 Google 表格 no-such-sheet');
    expect(sleeps).toHaveLength(0);
  });

  it('explains a service-account key the token endpoint refuses (HTTP 400 invalid_grant) as bad credentials', async () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = JSON.stringify({ client_email: 'duban-bot@duban-project.iam.gserviceaccount.com', private_key: pem });
    const client = await createGoogleSheetsClient({ GOOGLE_SERVICE_ACCOUNT_JSON: key, GOOGLE_SHEETS_ROOT_URL: server.url });
    // gtoken posts to the fixed https://oauth2.googleapis.com/token; only here is that one request sent to the loopback,
    // so the error arrives exactly as the real JWT client shapes it.
    const jwt = client.sheets.context._options.auth as unknown as TokenTransport;
    const toLoopback = (url: unknown) => (String(url).startsWith('https://oauth2.googleapis.com/') ? new URL('token', server.url) : url);
    jwt.transporter.interceptors.request.add({ resolved: async (config) => ({ ...config, url: toLoopback(config.url) }) });
    const refused = { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' };
    server.fault({ method: 'POST', path: /\/token$/, times: 1, respond: { status: 400, body: refused } });
    const read = openSource(URL_, { ...deps, google: async () => client }).read();
    const error = (await read.catch((e: unknown) => e)) as Error;
    // Said in Chinese; what Google said stays with the cause (shown with DUBAN_DEBUG=1).
    expect(error.message).toBe('Google 凭据无效或已过期，请检查 GOOGLE_APPLICATION_CREDENTIALS / GOOGLE_SERVICE_ACCOUNT_JSON / GOOGLE_ACCESS_TOKEN（或配置中的 google.credentials）。');
    expect((error.cause as Error).message).toContain('invalid_grant: Invalid JWT Signature');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /token']);
    expect(sleeps).toHaveLength(0);
  });

  it('reads the tab named by gid, and names a units tab that is not there', async () => {
    server.addSpreadsheet('multi', [
      { title: '填写说明', rows: [['说明']] },
      { title: 'Q1', sheetId: 777, rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
    ]);
    const read = await openSource('https://docs.google.com/spreadsheets/d/multi/edit#gid=777', deps).read();
    expect(read.ledger.rows).toHaveLength(16);
    expect(read.units).toBeNull();
    expect(server.requests.at(-1)!.query.getAll('ranges')).toEqual(["'Q1'"]);
    await expect(openSource('https://docs.google.com/spreadsheets/d/multi/edit#gid=777', { ...deps, units: '联络表' }).read())
      .rejects.toThrow('表格里没有名为“联络表”的单位名录表（现有：填写说明、Q1）');
  });
});

describe('Google Sheets answer variants', () => {
  it('finds gid=0 when the answer leaves out zero values (sheetId and index of the first tab), and still finds other tabs by gid', async () => {
    const sparse = await startGoogleLoopback('sparse-token', { omitZeroes: true });
    try {
      sparse.addSpreadsheet(ID, [
        { title: '单位', sheetId: 0, rows: csvGrid(EXAMPLE_UNITS) },
        { title: '台账 2022', sheetId: 91, rows: asSpreadsheetCells(csvGrid(EXAMPLE_TASKS)) },
      ]);
      const env = { GOOGLE_ACCESS_TOKEN: sparse.token, GOOGLE_SHEETS_ROOT_URL: sparse.url };
      const read = await openSource(URL_, { env, logger: silentLogger }).read();
      expect(read.ledger.source).toContain('单位');
      const tasks = await openSource(`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=91`, { env, logger: silentLogger }).read();
      expect(tasks.ledger.rows).toHaveLength(16);
    } finally {
      await sparse.close();
    }
  });
});
