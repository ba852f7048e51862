import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readLocalTable } from '../../src/ledger/read-local.js';
import { cellText } from '../../src/ledger/text.js';
import { silentLogger } from '../../src/log/logger.js';
import { lockPathOf } from '../../src/sources/file-lock.js';
import { localFileSource } from '../../src/sources/local-file.js';
import { updateInChild } from '../support/update-processes.js';

const DATE = '2026-11-29';
const HEADER = ['编号', '任务', '责任单位', '状态', '进展情况', '更新时间'];
const ROWS = [1, 2, 3, 4, 5].map((id) => [String(id), `任务${id}`, '区民政局', '进行中', '', '']);
const PAIRS = 100;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-concurrent-'));
});

const worker = (sheet: string, tag: string) => updateInChild({ sheet, tag, count: PAIRS, ids: ['1', '2', '3', '4', '5'], cwd: dir });

/** Every note entry in the ledger, one per line. */
async function entries(path: string): Promise<string[]> {
  const table = await readLocalTable(path);
  const note = table.headers.indexOf('进展情况');
  return table.rows.flatMap((r) => cellText(r.cells[note]).split('\n').filter(Boolean));
}

const expected = () =>
  ['A', 'B'].flatMap((tag) => Array.from({ length: PAIRS }, (_, i) => `[${DATE} ${tag}] ${tag}-${i}`)).sort();

describe('two duban update processes at once on one local ledger', () => {
  it(`lose none of ${PAIRS} pairs of updates on a CSV`, async () => {
    const path = join(dir, 'tasks.csv');
    writeFileSync(path, `${[HEADER, ...ROWS].map((r) => r.join(',')).join('\n')}\n`);
    const [a, b] = await Promise.all([worker(path, 'A'), worker(path, 'B')]);
    expect([a, b]).toEqual([{ code: 0, failures: [] }, { code: 0, failures: [] }]);
    expect((await entries(path)).sort()).toEqual(expected());
    expect(readdirSync(dir)).toEqual(['tasks.csv']);
  }, 60_000);

  it(`lose none of ${PAIRS} pairs of updates on an XLSX`, async () => {
    const path = join(dir, 'tasks.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    for (const row of [HEADER, ...ROWS]) sheet.addRow(row);
    await book.xlsx.writeFile(path);
    const [a, b] = await Promise.all([worker(path, 'A'), worker(path, 'B')]);
    expect([a, b]).toEqual([{ code: 0, failures: [] }, { code: 0, failures: [] }]);
    expect((await entries(path)).sort()).toEqual(expected());
    expect(readdirSync(dir)).toEqual(['tasks.xlsx']);
  }, 120_000);
});

describe('the lock beside a local ledger', () => {
  const ledger = () => {
    const path = join(dir, 'tasks.csv');
    writeFileSync(path, `${[HEADER, ...ROWS].map((r) => r.join(',')).join('\n')}\n`);
    return path;
  };
  const lock = (path: string, holder: object, ageMs = 0) => {
    writeFileSync(lockPathOf(path), JSON.stringify({ at: '2026-11-29T01:00:00.000Z', token: 'old', ...holder }));
    const when = new Date(Date.now() - ageMs);
    utimesSync(lockPathOf(path), when, when);
  };

  it('is taken over from a process that died holding it', async () => {
    const path = ledger();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    lock(path, { pid: dead, host: hostname() });
    const outcome = await localFileSource({ path, logger: silentLogger, lock: { waitMs: 2000 } }).updateTask('1', { note: '接管', date: DATE });
    expect(outcome.changes.map((c) => c.column)).toEqual(['进展情况', '更新时间']);
    expect(readdirSync(dir)).toEqual(['tasks.csv']);
  });

  it('is taken over when not refreshed for longer than staleMs (an owner on another host)', async () => {
    const path = ledger();
    lock(path, { pid: process.pid, host: 'another-host' }, 10 * 60_000);
    const outcome = await localFileSource({ path, logger: silentLogger, lock: { waitMs: 2000, staleMs: 60_000 } }).updateTask('2', { note: '接管', date: DATE });
    expect(outcome.id).toBe('2');
    expect(readdirSync(dir)).toEqual(['tasks.csv']);
  });

  it('is waited for while its owner lives, then refused with a sentence naming the owner and the lock file', async () => {
    const path = ledger();
    lock(path, { pid: process.pid, host: hostname() });
    const update = localFileSource({ path, logger: silentLogger, lock: { waitMs: 150 } }).updateTask('1', { note: 'x', date: DATE });
    await expect(update).rejects.toThrow(
      `台账正由另一个 duban 进程（${hostname()} 上的 pid ${process.pid}，自 2026-11-29T01:00:00.000Z 起）写入，等待 0 秒后仍未完成，本次更新未写入；请稍后重试。如确认没有 duban 在运行，可删除锁文件 ${lockPathOf(path)}。`,
    );
    expect(await entries(path)).toEqual([]);
  });

  it('lets one of many waiters at a time break a stale lock (never two owners at once)', async () => {
    const path = ledger();
    lock(path, { pid: process.pid, host: 'another-host' }, 10 * 60_000);
    const source = () => localFileSource({ path, logger: silentLogger, lock: { waitMs: 10_000, staleMs: 60_000, pollMs: 2 } });
    await Promise.all(Array.from({ length: 12 }, (_, i) => source().updateTask(String((i % 5) + 1), { note: `w${i}`, date: DATE })));
    expect((await entries(path)).length).toBe(12);
  });
});
