/**
 * What lets replicas share one database: run leases (a row per (ledger, job, date) that one replica holds until it
 * expires), incoming-event ids seen, and a lock per ledger for write-backs. Not scoped to a ledger view.
 */
import type { LeaseRecord } from './records.js';
import type { SqlDatabase } from './sql.js';
import type { Store } from './store.js';

interface LeaseRow { ledger: string; job: string; date: string; replica: string; acquired_at: string; expires_at: string }

const toLease = (r: LeaseRow): LeaseRecord => ({ ledger: r.ledger, job: r.job, date: r.date, replica: r.replica, acquiredAt: r.acquired_at, expiresAt: r.expires_at });

// One statement, so two replicas claiming at once cannot both win: the second waits for the first's row and then
// finds it held. Instants are ISO-8601 text of one length, so text order is time order.
const CLAIM = `INSERT INTO leases (ledger, job, date, replica, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (ledger, job, date) DO UPDATE SET replica = excluded.replica, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
  WHERE leases.replica = excluded.replica OR leases.expires_at <= excluded.acquired_at
  RETURNING replica`;
const RENEW = 'UPDATE leases SET expires_at = ? WHERE ledger = ? AND job = ? AND date = ? AND replica = ?';
const RELEASE = 'DELETE FROM leases WHERE ledger = ? AND job = ? AND date = ? AND replica = ?';

export interface LeaseContext {
  db: SqlDatabase;
  now: () => Date;
  /** The in-process queue per ledger, shared by every view of the store. */
  ledgerQueue: <T>(key: string, fn: () => Promise<T>) => Promise<T>;
}

type LeaseMethods = 'recordEvent' | 'claimRun' | 'renewLease' | 'releaseRun' | 'leases' | 'withLedgerLock';

/** The replica-side methods of the store. */
export function leaseQueries({ db, now, ledgerQueue }: LeaseContext): Pick<Store, LeaseMethods> {
  const until = (leaseMs: number) => new Date(now().getTime() + leaseMs).toISOString();
  return {
    recordEvent: async (id, at) => (await db.run('INSERT INTO events (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [id, at])) === 1,
    claimRun: async (ledger, job, date, replica, leaseMs) =>
      (await db.all(CLAIM, [ledger, job, date, replica, now().toISOString(), until(leaseMs)])).length === 1,
    renewLease: async (ledger, job, date, replica, leaseMs) => (await db.run(RENEW, [until(leaseMs), ledger, job, date, replica])) === 1,
    releaseRun: async (ledger, job, date, replica) => void (await db.run(RELEASE, [ledger, job, date, replica])),
    leases: async () => (await db.all<LeaseRow>('SELECT * FROM leases ORDER BY ledger, job, date')).map(toLease),
    withLedgerLock: (ledger, fn) => ledgerQueue(ledger, () => db.withLock(`duban:ledger:${ledger}`, fn)),
  };
}
