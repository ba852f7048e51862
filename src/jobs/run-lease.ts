/**
 * A run's lease while this replica works on it (two replicas on one database): taken before the run is built,
 * renewed every third of its length, given up at the end. A renewal that fails means another replica may have taken
 * the run over (the lease expired: this process stalled, or lost the database): from then on this one sends nothing.
 */
import type { IsoDate } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { LeaseRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { RunLease } from './replica.js';

/** A run this replica holds. */
export interface HeldRun {
  /** False once a renewal failed or the lease ran out unrenewed: stop sending. */
  held(): boolean;
  /** Stops renewing and gives the lease up (left alone when another replica holds it now). */
  release(): Promise<void>;
}

/** The outcome of a claim: the run held, or the lease of the replica that holds it (null: it was given up meanwhile). */
export type Claim = { run: HeldRun } | { holder: LeaseRecord | null };

/** Claims the run of `job` on `date` for the store's ledger. */
export async function claimRun(store: Store, lease: RunLease, job: string, date: IsoDate, logger: Logger): Promise<Claim> {
  const { replica, leaseMs } = lease;
  const { ledger } = store;
  if (!(await store.claimRun(ledger, job, date, replica, leaseMs))) {
    const holder = (await store.leases()).find((l) => l.ledger === ledger && l.job === job && l.date === date) ?? null;
    logger.info('run.held_elsewhere', { ledger, job, date, replica: holder?.replica ?? null, expiresAt: holder?.expiresAt ?? null });
    return { holder };
  }
  // This process's own reckoning of the lease: a stalled event loop that missed its renewals stops too.
  let until = Date.now() + leaseMs;
  let lost = false;
  const renew = async () => {
    const asked = Date.now();
    const renewed = await store.renewLease(ledger, job, date, replica, leaseMs).catch((error: Error) => {
      logger.warn('run.lease_renewal_failed', { job, date, error, hint: 'check the database (store / DUBAN_DATABASE_URL); the run is left to another replica' });
      return false;
    });
    if (renewed) until = asked + leaseMs;
    else if (!lost) {
      lost = true;
      logger.warn('run.lease_lost', { ledger, job, date, replica, hint: 'another replica takes the run over and sends what this one did not' });
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    run: {
      held: () => !lost && Date.now() < until,
      release: async () => {
        clearInterval(timer);
        await store.releaseRun(ledger, job, date, replica).catch((error: Error) => logger.warn('run.lease_release_failed', { job, date, error }));
      },
    },
  };
}

/**
 * Runs `work` holding the run's lease (released afterwards); null without running it when another replica holds it.
 * Without a lease (one process, the command line) `work` simply runs.
 */
export async function whileHolding<T>(store: Store, lease: RunLease | undefined, job: string, date: IsoDate, logger: Logger, work: () => Promise<T>): Promise<T | null> {
  if (!lease) return work();
  const claim = await claimRun(store, lease, job, date, logger);
  if (!('run' in claim)) return null;
  try {
    return await work();
  } finally {
    await claim.run.release();
  }
}
