/**
 * Write-backs from two replicas on one PostgreSQL database (two store handles) to one online ledger: each replica's
 * write-back (read the row, append the note, write it) runs under the store's ledger lock, so notes appended to one
 * task at the same moment are all kept. The sheet here has no lock of its own and is written from "two hosts" (no host
 * lock, different in-process queues), as two servers would write a Feishu or Google sheet.
 */
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log/logger.js';
import { createUpdater } from '../../src/sources/apply-update.js';
import { lockedWrites, storeLedgerLock } from '../../src/sources/locked-writes.js';
import type { LedgerSource } from '../../src/sources/source.js';
import { BACKENDS, cleanUpStores, twoHandles } from '../support/store-backends.js';

const opened = cleanUpStores();
const DATE = '2026-03-02';

/** One sheet in memory whose reads and writes each take a few milliseconds, as an online sheet's do. */
function onlineSheet() {
  let note = '';
  const table = (): RawTable => ({ source: 'sheet', headerRow: 1, headers: ['编号', '任务', '进展情况'], rows: [{ row: 2, cells: ['6', '双拥公园', note] }] });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
  /** A replica's source of the sheet: its own process queue (location) and no lock on the host. */
  const replica = (name: string): LedgerSource => ({
    location: `https://sheet.example/${name}`,
    read: async () => Promise.reject(new Error('not read here')),
    revision: async () => null,
    updateTask: createUpdater({
      location: `https://sheet.example/${name}`,
      logger: silentLogger,
      exclusive: (work) => work(),
      readLedger: async () => (await pause(), table()),
      writeCells: async (plan) => {
        await pause();
        note = plan.cells.find((c) => c.column === '进展情况')!.after;
      },
    }),
  });
  return { replica, note: () => note };
}

const notes = (prefix: string) => Array.from({ length: 4 }, (_, i) => `${prefix}${i + 1}`);

describe('write-backs from two replicas on postgresql', () => {
  it('keeps every note two replicas append to one task at once', async () => {
    const { a, b } = await twoHandles(BACKENDS[1], opened);
    const sheet = onlineSheet();
    const replicaA = lockedWrites(sheet.replica('a'), storeLedgerLock(a));
    const replicaB = lockedWrites(sheet.replica('b'), storeLedgerLock(b));
    await Promise.all([...notes('甲').map((note) => replicaA.updateTask('6', { note, date: DATE })), ...notes('乙').map((note) => replicaB.updateTask('6', { note, date: DATE }))]);
    const written = sheet.note().split('\n');
    expect(written).toHaveLength(8);
    expect(written.map((line) => line.replace(`[${DATE}] `, '')).sort()).toEqual([...notes('乙'), ...notes('甲')].sort());
  });

  it('loses a note without the lock (what the lock is for)', async () => {
    const sheet = onlineSheet();
    const [replicaA, replicaB] = [sheet.replica('a'), sheet.replica('b')];
    await Promise.all([replicaA.updateTask('6', { note: '甲', date: DATE }), replicaB.updateTask('6', { note: '乙', date: DATE })]);
    expect(sheet.note().split('\n')).toHaveLength(1);
  });
});
