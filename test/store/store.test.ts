import { existsSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { STORE_FILE } from '../../src/store/store-file.js';
import type { Store } from '../../src/store/store.js';

const opened: Store[] = [];
async function freshStore(): Promise<{ store: Store; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'duban-store-')), 'state', '.duban');
  const store = await openStore(dir);
  opened.push(store);
  return { store, dir };
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const card = (text: string) => ({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: text }] } });
const AT = '2026-03-02T01:03:00.000Z';

describe('openStore', () => {
  it('closes the file and names dataDir when the file is not a usable database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-store-bad-'));
    const path = join(dir, STORE_FILE);
    writeFileSync(path, 'not a database, just text '.repeat(200));
    const openFiles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;
    await expect(openStore(dir)).rejects.toThrow(ConfigError);
    await expect(openStore(dir)).rejects.toThrow(/dataDir/);
    expect(openFiles()).toBe(0);
  });

  it('creates the data directory and a WAL-mode database at the latest migration', async () => {
    const { store, dir } = await freshStore();
    expect(store.path).toBe(join(dir, STORE_FILE));
    expect(existsSync(store.path)).toBe(true);
    const db = new Database(store.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('applies only the migrations a file has not seen, in order', async () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    const next = { version: MIGRATIONS.length + 1, description: 'test column', sql: 'ALTER TABLE notices ADD COLUMN extra TEXT' };
    expect(migrate(db, [...MIGRATIONS, next])).toBe(next.version);
    expect(migrate(db, [...MIGRATIONS, next])).toBe(next.version);
    expect((db.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n).toBe(next.version);
    db.close();
  });
});

describe('store', () => {
  it('keeps one run per (job, date) with its messages, and their delivery outcomes', async () => {
    const { store } = await freshStore();
    const messages = [
      { chat: 'oc_a', card: card('A'), key: 'remind|2026-03-02|oc_a' },
      { chat: 'oc_b', card: card('B'), key: 'remind|2026-03-02|oc_b' },
    ];
    await store.startRun('remind', '2026-03-02', AT, messages, []);
    await store.startRun('remind', '2026-03-02', AT, [{ chat: 'oc_a', card: card('changed'), key: 'x' }], []);
    expect((await store.getRun('remind', '2026-03-02'))?.status).toBe('started');
    const stored = (await store.messages('remind', '2026-03-02'));
    expect(stored.map((m) => [m.chat, m.outcome, m.key])).toEqual([
      ['oc_a', 'pending', 'remind|2026-03-02|oc_a'],
      ['oc_b', 'pending', 'remind|2026-03-02|oc_b'],
    ]);
    expect(stored[0].card).toEqual(card('A'));
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'sent', at: AT, messageId: 'om_1', uuid: 'u-remind-oc_a' });
    await store.recordDelivery('remind', '2026-03-02', 'oc_b', { outcome: 'failed', at: AT, error: 'bot not in chat' });
    await store.finishRun('remind', '2026-03-02', 'failed', AT, '1 of 2 not sent');
    expect((await store.messages('remind', '2026-03-02')).map((m) => [m.outcome, m.messageId, m.uuid, m.error])).toEqual([
      ['sent', 'om_1', 'u-remind-oc_a', null],
      ['failed', null, null, 'bot not in chat'],
    ]);
    expect((await store.getRun('remind', '2026-03-02'))).toMatchObject({ status: 'failed', detail: '1 of 2 not sent', finishedAt: AT });
  });

  it('lists the latest run of each job', async () => {
    const { store } = await freshStore();
    await store.finishRun('digest', '2026-03-02', 'done', AT);
    await store.finishRun('digest', '2026-03-03', 'skipped', AT, 'missed');
    await store.finishRun('remind', '2026-03-02', 'done', AT);
    expect((await store.lastRuns()).map((r) => [r.job, r.date, r.status])).toEqual([
      ['digest', '2026-03-03', 'skipped'],
      ['remind', '2026-03-02', 'done'],
    ]);
  });

  it('logs at most one reminder per task, unit and day, and answers history queries', async () => {
    const { store } = await freshStore();
    const entry = (taskId: string, unit: string, chat: string) => ({ taskId, unit, chat, mentions: ['ou_1'], kind: 'overdue' as const });
    const msg = (chat: string, date: string) => ({ chat, card: card(chat), key: `remind|${date}|${chat}` });
    await store.startRun('remind', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], [entry('6', '区交通局', 'oc_a'), entry('7', '区民政局', 'oc_a')]);
    await store.startRun('escalate', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], [entry('6', '区交通局', 'oc_a')]);
    await store.startRun('remind', '2026-03-03', AT, [msg('oc_a', '2026-03-03')], [entry('6', '区交通局', 'oc_a')]);
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'sent', at: AT, messageId: 'om_1' });
    expect(await store.remindedOn('2026-03-02')).toEqual([{ taskId: '6', unit: '区交通局' }, { taskId: '7', unit: '区民政局' }]);
    expect(await store.remindedOn('2026-03-04')).toEqual([]);
    expect((await store.history()).map((r) => [r.date, r.taskId, r.job])).toEqual([
      ['2026-03-02', '6', 'remind'],
      ['2026-03-02', '7', 'remind'],
      ['2026-03-03', '6', 'remind'],
    ]);
    expect((await store.history({ task: '6' })).map((r) => [r.date, r.outcome, r.messageId])).toEqual([
      ['2026-03-02', 'sent', 'om_1'],
      ['2026-03-03', 'pending', null],
    ]);
    expect((await store.history({ unit: '区民政局' }))).toHaveLength(1);
    expect((await store.history({ unit: '区民政局' }))[0].mentions).toEqual(['ou_1']);
  });

  it('keeps snapshots by date, newest first, and notices', async () => {
    const { store } = await freshStore();
    const snap = (date: string, progress: number) => ({
      date,
      tasks: { '1': { status: 'in_progress' as const, progress, due: '2026-06-30', noteHash: 'abc', updated: null } },
    });
    await store.saveSnapshot(snap('2026-03-02', 10));
    await store.saveSnapshot(snap('2026-03-03', 20));
    await store.saveSnapshot(snap('2026-03-04', 30));
    expect((await store.snapshots()).map((s) => s.date)).toEqual(['2026-03-04', '2026-03-03', '2026-03-02']);
    expect((await store.snapshots({ before: '2026-03-03', limit: 1 }))).toEqual([snap('2026-03-03', 20)]);
    expect((await store.notice('unknown-year:2027'))).toBeNull();
    await store.setNotice('unknown-year:2027', '2026-12-01', 'text');
    expect((await store.notice('unknown-year:2027'))).toEqual({ key: 'unknown-year:2027', date: '2026-12-01', value: 'text' });
  });
});
