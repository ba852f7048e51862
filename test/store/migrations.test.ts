/** One migration path for SQLite and PostgreSQL: from an empty database, from the previous version, and refusals. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src/store/migrations.js';
import { migrateStore, openDatabase, openStore, storeStatus } from '../../src/store/open-store.js';
import { STORE_FILE } from '../../src/store/store-file.js';
import { BACKENDS, cleanUpStores, storeError, type StoreLocation } from '../support/store-backends.js';

cleanUpStores();

const AT = '2026-03-02T01:03:00.000Z';
const CARD = JSON.stringify({ text: '提醒' });

/** A database at schema version 1 holding one run of two messages, a reminder, a snapshot and a notice. */
async function versionOne(location: StoreLocation): Promise<void> {
  const db = await openDatabase(location.dataDir, location.databaseUrl);
  try {
    expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    await db.run("INSERT INTO runs (job, date, status, started_at) VALUES ('remind', '2026-03-02', 'started', ?)", [AT]);
    for (const chat of ['oc_b', 'oc_a']) {
      await db.run("INSERT INTO messages (job, date, chat, key, card, outcome, at) VALUES ('remind', '2026-03-02', ?, ?, ?, 'pending', ?)", [chat, `remind|2026-03-02|${chat}`, CARD, AT]);
    }
    await db.run("UPDATE messages SET outcome = 'sent', message_id = 'om_1' WHERE chat = 'oc_b'");
    await db.run("INSERT INTO reminder_log (task, unit, date, job, chat, mentions, kind) VALUES ('6', '区交通局', '2026-03-02', 'remind', 'oc_b', '[\"ou_1\"]', 'overdue')");
    await db.run("INSERT INTO snapshots (date, json) VALUES ('2026-03-02', ?)", [JSON.stringify({ date: '2026-03-02', tasks: {} })]);
    await db.run("INSERT INTO notices (key, date, value) VALUES ('unknown-year:2027', '2026-03-02', 'text')");
  } finally {
    await db.close();
  }
}

describe.each(BACKENDS)('migrations on $name', (backend) => {
  it('creates every table in an empty database, once, and says so', async () => {
    const location = await backend.fresh();
    expect(await storeStatus(location.dataDir, location.databaseUrl)).toMatchObject({ backend: backend.name, version: 0, latest: LATEST_VERSION });
    expect(await migrateStore(location.dataDir, location.databaseUrl)).toMatchObject({ backend: backend.name, from: 0, version: LATEST_VERSION });
    expect(await migrateStore(location.dataDir, location.databaseUrl)).toMatchObject({ from: LATEST_VERSION, version: LATEST_VERSION });
    const db = await openDatabase(location.dataDir, location.databaseUrl);
    const versions = await db.all<{ version: number }>('SELECT version FROM migrations ORDER BY version');
    expect(versions.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((m) => m.version));
    for (const table of ['runs', 'messages', 'reminder_log', 'snapshots', 'notices', 'requests', 'request_evidence', 'acks', 'events', 'leases']) {
      expect([table, await db.hasTable(table)]).toEqual([table, true]);
    }
    expect(await db.hasTable('runs_v1')).toBe(false);
    await db.close();
  });

  it('brings a database of the previous version up to date, keeping its rows under the default ledger', async () => {
    const location = await backend.fresh();
    await versionOne(location);
    if (backend.name === 'postgresql') {
      const older = await storeError(openStore(location.dataDir, location.databaseUrl));
      expect([older.problem, older.message]).toEqual(['older', expect.stringContaining('duban store migrate')]);
    }
    expect(await migrateStore(location.dataDir, location.databaseUrl)).toMatchObject({ from: 1, version: LATEST_VERSION });
    const store = await openStore(location.dataDir, location.databaseUrl);
    try {
      expect(await store.getRun('remind', '2026-03-02')).toEqual({ job: 'remind', date: '2026-03-02', status: 'started', startedAt: AT, finishedAt: null, detail: null });
      const messages = (await store.messages('remind', '2026-03-02')).map((m) => [m.chat, m.outcome, m.messageId]);
      // SQLite copies rows in the order they were written; PostgreSQL never held version-1 rows outside this test.
      if (backend.name === 'sqlite') expect(messages).toEqual([['oc_b', 'sent', 'om_1'], ['oc_a', 'pending', null]]);
      expect(messages.sort()).toEqual([['oc_a', 'pending', null], ['oc_b', 'sent', 'om_1']]);
      expect((await store.history()).map((r) => [r.taskId, r.unit, r.outcome, r.mentions])).toEqual([['6', '区交通局', 'sent', ['ou_1']]]);
      expect(await store.snapshots()).toEqual([{ date: '2026-03-02', tasks: {} }]);
      expect(await store.notice('unknown-year:2027')).toEqual({ key: 'unknown-year:2027', date: '2026-03-02', value: 'text' });
      expect(await store.forLedger('双拥').getRun('remind', '2026-03-02')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('applies only the migrations a database has not seen, in order', async () => {
    const location = await backend.fresh();
    const db = await openDatabase(location.dataDir, location.databaseUrl);
    try {
      const next = { version: LATEST_VERSION + 1, description: 'test column', sql: 'ALTER TABLE notices ADD COLUMN extra TEXT' };
      expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
      expect(await migrate(db, [...MIGRATIONS, next])).toEqual({ from: 1, to: next.version });
      expect(await migrate(db, [...MIGRATIONS, next])).toEqual({ from: next.version, to: next.version });
      expect(await schemaVersion(db)).toBe(next.version);
      const [row] = await db.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM migrations');
      expect(Number(row.n)).toBe(MIGRATIONS.length + 1);
    } finally {
      await db.close();
    }
  });

  it('refuses a database newer than the code, and tells the operator to upgrade duban', async () => {
    const location = await backend.fresh();
    await migrateStore(location.dataDir, location.databaseUrl);
    const db = await openDatabase(location.dataDir, location.databaseUrl);
    await db.run("INSERT INTO migrations (version, description, applied_at) VALUES (99, 'from the future', ?)", [AT]);
    await db.close();
    for (const attempt of [openStore, migrateStore]) {
      const error = await storeError(attempt(location.dataDir, location.databaseUrl));
      expect(error.problem).toBe('newer');
      expect(error.message).toContain('第 99 版');
      expect(error.message).toContain(`第 ${LATEST_VERSION} 版`);
      expect(error.logMessage).toMatch(/schema version 99, newer than this duban/);
    }
  });
});

describe('migrations on postgresql', () => {
  it('leaves an empty database alone at start and says to run duban store migrate', async () => {
    const location = await BACKENDS[1].fresh();
    const error = await storeError(openStore(location.dataDir, location.databaseUrl));
    expect(error.problem).toBe('not-migrated');
    expect(error.message).toContain('请先运行 duban store migrate');
    expect(error.logMessage).toContain('run duban store migrate');
    expect((await storeStatus(location.dataDir, location.databaseUrl)).version).toBe(0);
  });

  it('applies each migration once when two processes migrate at the same time', async () => {
    const location = await BACKENDS[1].fresh();
    const results = await Promise.all([1, 2, 3].map(() => migrateStore(location.dataDir, location.databaseUrl)));
    expect(results.map((r) => r.from).sort()).toEqual([0, LATEST_VERSION, LATEST_VERSION]);
    expect((await storeStatus(location.dataDir, location.databaseUrl)).version).toBe(LATEST_VERSION);
  });
});

describe('migrations on sqlite', () => {
  it('migrates the file as the store opens it, in WAL mode, and status reads a missing file without creating it', async () => {
    const location = await BACKENDS[0].fresh();
    const path = join(location.dataDir, STORE_FILE);
    expect(await storeStatus(location.dataDir)).toEqual({ backend: 'sqlite', location: path, version: 0, latest: LATEST_VERSION });
    expect(existsSync(path)).toBe(false);
    const store = await openStore(location.dataDir);
    expect([store.backend, store.path]).toEqual(['sqlite', path]);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect((await storeStatus(location.dataDir)).version).toBe(LATEST_VERSION);
  });
});
