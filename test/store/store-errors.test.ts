/** A store that cannot be used says why in Chinese (and in English for the log), never showing the password. */
import { readdirSync, readlinkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { STORE_FILE } from '../../src/store/store-file.js';
import { closedPort } from '../support/closed-port.js';
import { cleanUpStores, freshSchemaUrl, storeError } from '../support/store-backends.js';

cleanUpStores();

const PASSWORD = 'not-the-password-9f3e';
const dataDir = () => mkdtempSync(join(tmpdir(), 'duban-store-errors-'));

/** The test server's URL with a part replaced. */
function testUrl(change: (url: URL) => void): string {
  const url = new URL(inject('databaseUrl'));
  change(url);
  return url.toString();
}

describe('a PostgreSQL store that cannot be used', () => {
  it('names the host and port of an unreachable server and the settings to check', async () => {
    const port = await closedPort();
    const error = await storeError(openStore(dataDir(), `postgres://duban:${PASSWORD}@127.0.0.1:${port}/duban`));
    expect(error.problem).toBe('unreachable');
    expect(error.message).toBe(`无法连接 PostgreSQL 数据库 127.0.0.1:${port}（ECONNREFUSED）：请确认数据库服务已启动、主机和端口正确，并检查配置 store 或环境变量 DUBAN_DATABASE_URL。`);
    expect(error.logMessage).toBe(`cannot reach the PostgreSQL server at 127.0.0.1:${port} (ECONNREFUSED); check that it runs and the host and port in store (or DUBAN_DATABASE_URL)`);
  });

  it('says the login was refused, naming the user but not the password', async () => {
    const url = testUrl((u) => (u.password = PASSWORD));
    const { host } = new URL(url); // 127.0.0.1:port
    const error = await storeError(openStore(dataDir(), url));
    expect(error.problem).toBe('login');
    expect(error.message).toBe(`PostgreSQL 数据库 ${host} 拒绝了用户 duban 的登录：请检查 store / DUBAN_DATABASE_URL 中的用户名和密码，以及服务器是否允许从本机登录（pg_hba.conf）。`);
    expect(`${error.message}\n${error.logMessage}`).not.toContain(PASSWORD);
    expect(error.logMessage).toContain('password authentication failed for user "duban"');
  });

  it('says which database does not exist and how to create it', async () => {
    const error = await storeError(openStore(dataDir(), testUrl((u) => (u.pathname = '/duban_missing'))));
    expect(error.problem).toBe('no-database');
    expect(error.message).toContain('没有数据库 duban_missing：请按 docs/postgres.md 创建数据库，再运行 duban store migrate');
    expect(error.message).not.toContain(new URL(inject('databaseUrl')).password);
  });

  it('shows its URL with the password masked', async () => {
    const url = await freshSchemaUrl();
    const error = await storeError(openStore(dataDir(), url));
    expect(error.problem).toBe('not-migrated');
    expect(error.message).toContain('postgres://duban:***@127.0.0.1:');
    expect(error.message).not.toContain(new URL(url).password);
  });
});

describe('a SQLite store that cannot be used', () => {
  it('closes the file and names dataDir when the file is not a usable database', async () => {
    const dir = dataDir();
    const path = join(dir, STORE_FILE);
    writeFileSync(path, 'not a database, just text '.repeat(200));
    const openFiles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;
    const error = await storeError(openStore(dir));
    expect(error.problem).toBe('unusable');
    expect(error.message).toContain(`无法使用状态数据库 ${path}`);
    expect(error.logMessage).toMatch(/set dataDir \/ DUBAN_DATA_DIR to another folder/);
    expect(openFiles()).toBe(0);
  });
});
