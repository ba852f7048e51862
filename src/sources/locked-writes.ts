/**
 * Write-backs serialised across replicas: a source whose updates and appends each run inside a lock every replica on
 * the database respects (the store's ledger lock, a PostgreSQL advisory lock). Inside it the write-back still takes
 * this process's queue and its lock file (a local ledger) or host lock (apply-update.ts): two replicas never write one
 * ledger at once, and a `duban update` on the same host without the database still waits for the file lock.
 */
import type { LedgerSource } from './source.js';

/** Runs one whole write-back (read, plan, write) while no other replica writes the same ledger. */
export type LedgerLock = <T>(work: () => Promise<T>) => Promise<T>;

/** The source with its writes taken under `lock`; reads are unchanged. */
export function lockedWrites(source: LedgerSource, lock: LedgerLock): LedgerSource {
  const { appendRows } = source;
  return {
    ...source,
    updateTask: (id, update) => lock(() => source.updateTask(id, update)),
    ...(appendRows ? { appendRows: (rows: Parameters<typeof appendRows>[0]) => lock(() => appendRows(rows)) } : {}),
  };
}

/** The store's lock of its ledger (withLedgerLock) as a LedgerLock. */
export function storeLedgerLock(store: { ledger: string; withLedgerLock<T>(ledger: string, fn: () => Promise<T>): Promise<T> }): LedgerLock {
  return (work) => store.withLedgerLock(store.ledger, work);
}
