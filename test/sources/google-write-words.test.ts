import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openSource, type SourceDeps } from '../../src/sources/open-source.js';
import { updateInChild } from '../support/update-processes.js';
import { startGoogleLoopback, type GoogleCell, type GoogleLoopback, type GoogleValidation } from '../support/google/server.js';

const ID = '1Words-duban';
const URL_ = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
const DATE = '2026-11-29';
const HEADER = ['编号', '任务', '责任单位', '状态', '进展情况', '更新时间'];
let server: GoogleLoopback;
let deps: SourceDeps;

const list = (...words: string[]): GoogleValidation => ({ condition: { type: 'ONE_OF_LIST', values: words.map((w) => ({ userEnteredValue: w })) }, strict: true, showCustomUi: true });

function seed(statuses: string[], validations?: { range: string; rule: GoogleValidation }[], more: { title: string; rows: GoogleCell[][] }[] = []) {
  const rows: GoogleCell[][] = statuses.map((s, i) => [i + 1, `任务${i + 1}`, '区民政局', s, '', 46300]);
  server.addSpreadsheet(ID, [{ title: '台账', rows: [HEADER, ...rows], validations }, ...more]);
}
const cell = (id: number, column: number) => server.tab(ID, '台账').rows.find((r) => r[0] === id)![column];

beforeAll(async () => {
  server = await startGoogleLoopback();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.validationViolations.length = 0;
  deps = { env: { GOOGLE_ACCESS_TOKEN: server.token, GOOGLE_SHEETS_ROOT_URL: server.url }, logger: silentLogger, sleep: async () => undefined };
});

describe('Google Sheets write-back in the sheet\'s own words', () => {
  it('writes the word the status column uses most (推进中, not the template\'s 进行中)', async () => {
    seed(['推进中', '推进中', '未开始', '进行中']);
    const outcome = await openSource(URL_, deps).updateTask('3', { status: '进行中', date: DATE });
    expect(cell(3, 3)).toBe('推进中');
    expect(outcome.changes[0]).toEqual({ column: '状态', before: '未开始', after: '推进中' });
  });

  it('asks for the row\'s dropdowns with includeGridData and a fields mask, and writes only a word of the list', async () => {
    seed(['未开始', '未开始', '未开始'], [{ range: 'D2:D4', rule: list('未开始', '正在推进', '已办结') }]);
    const outcome = await openSource(URL_, deps).updateTask('2', { status: '已延期', note: '同意延期', by: '督查室', date: DATE });
    expect(cell(2, 3)).toBe('正在推进');
    expect(cell(2, 4)).toBe(`[${DATE} 督查室] 同意延期；状态：已延期`);
    expect(outcome.unwritten).toEqual([{ field: 'status', column: '状态', value: '已延期', reason: 'no_option', inNote: true }]);
    const get = server.requests.find((r) => r.method === 'GET' && r.query.get('includeGridData') === 'true')!;
    expect([get.query.getAll('ranges'), get.query.get('fields')]).toEqual([["'台账'!3:3"], 'sheets(data(startRow,startColumn,rowData(values(dataValidation))))']);
    await openSource(URL_, deps).updateTask('3', { status: '办结', date: DATE });
    expect(cell(3, 3)).toBe('已办结');
    expect(server.validationViolations).toEqual([]);
  });

  it('reads a dropdown whose words are a range of another tab (ONE_OF_RANGE)', async () => {
    const rule: GoogleValidation = { condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: '=选项!A1:A3' }] }, strict: true };
    seed(['未开始', '未开始'], [{ range: 'D2:D3', rule }], [{ title: '选项', rows: [['待办'], ['办理中'], ['已销号']] }]);
    await openSource(URL_, deps).updateTask('1', { status: '已完成', date: DATE });
    await openSource(URL_, deps).updateTask('2', { status: '推进中', date: DATE });
    expect([cell(1, 3), cell(2, 3)]).toEqual(['已销号', '办理中']);
    expect(server.validationViolations).toEqual([]);
  });

  it('gives the ledger check the status column\'s dropdown words', async () => {
    seed(['未开始', '未开始'], [{ range: 'D2:D3', rule: list('未开始', '推进中', '进行中', '已完成', '待审核') }]);
    const source = openSource(URL_, deps);
    const { ledger } = await source.read();
    const rules = await source.columnRules!(ledger, [3]);
    expect(rules.get(3)).toEqual({ takes: 'choice', options: ['未开始', '推进中', '进行中', '已完成', '待审核'], label: '下拉列表' });
    expect(server.requests.find((r) => r.query.get('includeGridData') === 'true')!.query.getAll('ranges')).toEqual(["'台账'!D2:D3"]);
  });

  it('runs updates of one ledger from separate sources in one process one at a time, losing no note', async () => {
    seed(['推进中', '推进中']);
    const updates = Array.from({ length: 10 }, (_, i) => openSource(URL_, deps).updateTask('1', { note: `第${i}条`, by: `联络员${i}`, date: DATE }));
    const outcomes = await Promise.allSettled(updates);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const lines = String(cell(1, 4)).split('\n').sort();
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => `[${DATE} 联络员${i}] 第${i}条`).sort());
  });

  it('keeps every note of 40 updates of one task from 4 duban processes at once (re-read before, checked after)', async () => {
    seed(['推进中', '推进中']);
    const cwd = mkdtempSync(join(tmpdir(), 'duban-google-race-'));
    const env = { ...deps.env, NO_PROXY: '127.0.0.1' };
    const runs = await Promise.all(['A', 'B', 'C', 'D'].map((tag) => updateInChild({ sheet: URL_, tag, count: 10, ids: ['1'], cwd, env })));
    expect(runs).toEqual(Array.from({ length: 4 }, () => ({ code: 0, failures: [] })));
    const lines = String(cell(1, 4)).split('\n').sort();
    expect(lines).toEqual(['A', 'B', 'C', 'D'].flatMap((tag) => Array.from({ length: 10 }, (_, i) => `[${DATE} ${tag}] ${tag}-${i}`)).sort());
  }, 60_000);
});
