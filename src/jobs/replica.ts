/** Which replica this process is, and how long it holds a run: what two `duban serve` processes on one database tell apart by. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { StoreBackend } from '../store/store.js';

/** This replica's name on its leases, and how long a lease lasts unless renewed. */
export interface RunLease {
  replica: string;
  leaseMs: number;
}

/** DUBAN_REPLICA when set (a stable name for /healthz and the logs), else host-pid-random: unique per process. */
export function replicaId(env: NodeJS.ProcessEnv): string {
  return env.DUBAN_REPLICA?.trim() || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * This process's replica id, and the lease it takes its runs with (replicas.leaseSeconds) when replicas can share the
 * database: on PostgreSQL. A SQLite file belongs to one process, which needs no claims (and a restart of it must not
 * wait for the lease its previous life left behind).
 */
export function replicaOf(config: { replicas: { leaseSeconds: number } }, env: NodeJS.ProcessEnv, backend: StoreBackend): { replica: string; lease?: RunLease } {
  const replica = replicaId(env);
  return backend === 'postgresql' ? { replica, lease: { replica, leaseMs: config.replicas.leaseSeconds * 1000 } } : { replica };
}
