/** Which replica this process is, and how long it holds a run: what two `duban serve` processes on one database tell apart by. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This replica's name on its leases, and how long a lease lasts unless renewed. */
export interface RunLease {
  replica: string;
  leaseMs: number;
}

/** DUBAN_REPLICA when set (a stable name for /healthz and the logs), else host-pid-random: unique per process. */
export function replicaId(env: NodeJS.ProcessEnv): string {
  return env.DUBAN_REPLICA?.trim() || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** The lease this process takes its runs with (replicas.leaseSeconds). */
export function runLease(config: { replicas: { leaseSeconds: number } }, env: NodeJS.ProcessEnv): RunLease {
  return { replica: replicaId(env), leaseMs: config.replicas.leaseSeconds * 1000 };
}
