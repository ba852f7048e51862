/** `duban store status | migrate` on SQLite and on PostgreSQL (DUBAN_DATABASE_URL), and when the database is down. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { closedPort } from '../support/closed-port.js';
import { runDuban } from '../support/run-cli.js';
import { cleanUpStores, freshSchemaUrl } from '../support/store-backends.js';

cleanUpStores();

describe('duban store', () => {
  it('creates and then reports the SQLite file in the data directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'duban-store-cli-'));
    const path = join(cwd, '.duban', 'duban.sqlite');
    const before = await runDuban(['store', 'status'], { cwd });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`状态数据库：SQLite ${path}\n结构版本：第 0 版（本程序需要第 ${LATEST_VERSION} 版）`);
    expect(existsSync(path)).toBe(false);
    const migrated = await runDuban(['store', 'migrate'], { cwd });
    expect([migrated.code, migrated.stdout.trim()]).toEqual([0, `已把数据库结构从第 0 版升级到第 ${LATEST_VERSION} 版：SQLite ${path}`]);
    const after = await runDuban(['store', 'status'], { cwd });
    expect(after.stdout.trim()).toBe(`状态数据库：SQLite ${path}\n结构版本：第 ${LATEST_VERSION} 版（本程序需要第 ${LATEST_VERSION} 版，已是最新）`);
  });

  it('migrates the PostgreSQL database DUBAN_DATABASE_URL names, showing the URL without its password', async () => {
    const url = await freshSchemaUrl();
    const env = { DUBAN_DATABASE_URL: url };
    const masked = url.replace(`:${new URL(url).password}@`, ':***@');
    const before = await runDuban(['store', 'status', '--json'], { env });
    expect(before.json()).toEqual({ backend: 'postgresql', location: masked, version: 0, latest: LATEST_VERSION, current: false });
    const text = await runDuban(['store', 'status'], { env });
    expect(text.stdout).toContain('请先运行 duban store migrate');
    const migrated = await runDuban(['store', 'migrate', '--json'], { env });
    expect(migrated.json()).toEqual({ backend: 'postgresql', location: masked, from: 0, version: LATEST_VERSION, latest: LATEST_VERSION });
    const again = await runDuban(['store', 'migrate'], { env });
    expect(again.stdout.trim()).toBe(`数据库结构已是最新（第 ${LATEST_VERSION} 版）：PostgreSQL ${masked}`);
    for (const run of [before, text, migrated, again]) expect(run.stdout + run.stderr).not.toContain(new URL(url).password);
  });

  it('exits 3 with what to check when the database is unreachable', async () => {
    const port = await closedPort();
    const run = await runDuban(['store', 'status'], { env: { DUBAN_DATABASE_URL: `postgres://duban:secret-pw-123@127.0.0.1:${port}/duban` } });
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toBe(`无法连接 PostgreSQL 数据库 127.0.0.1:${port}（ECONNREFUSED）：请确认数据库服务已启动、主机和端口正确，并检查配置 store 或环境变量 DUBAN_DATABASE_URL。`);
  });

  it('asks for a subcommand', async () => {
    for (const argv of [['store'], ['store', 'drop'], ['store', 'status', 'extra']]) {
      const run = await runDuban(argv);
      expect([run.code, run.stderr.trim()]).toEqual([2, 'duban store 需要一个子命令：migrate（建立或升级状态数据库的表结构）或 status（查看数据库类型和结构版本）。']);
    }
  });
});
