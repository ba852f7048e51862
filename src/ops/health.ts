/**
 * GET /healthz on 127.0.0.1: the last run of each job, its outcome, the Feishu connection's state, and (replicas on one
 * database) which replica this is and which replica holds which run's lease.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mask } from '../log/logger.js';
import type { LeaseRecord, RunRecord } from '../store/records.js';

export type ConnectionState = 'connected' | 'connecting' | 'disconnected' | 'not_used';

export interface HealthStatus {
  /** False when the connection is down or the last run of a job failed. */
  ok: boolean;
  mode: 'local' | 'feishu';
  connection: ConnectionState;
  /** The latest run of each job (digest, remind, weekly, notices …). */
  runs: RunRecord[];
  /** This process's replica id (DUBAN_REPLICA, else host-pid-random). */
  replica: string;
  /** Every run lease in the database: which replica holds (or last held, until it expires) which run. */
  leases: LeaseRecord[];
  /** ISO instant the status was taken. */
  time: string;
}

/** Computes `ok` from the parts: the connection is up (or unused) and no job's latest run failed. */
export function healthStatus(parts: Omit<HealthStatus, 'ok'>): HealthStatus {
  const ok = parts.connection !== 'disconnected' && parts.runs.every((r) => r.status !== 'failed');
  return { ok, ...parts };
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the endpoint (port 0 picks a free one). 200 when ok, 503 otherwise, JSON either way. */
export function startHealthServer(options: { port: number; host?: string; status: () => Promise<HealthStatus> }): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found; try GET /healthz"}');
      return;
    }
    // Run details quote what servers answered (and rows stored by older versions were not masked): masked on the way out.
    options.status().then(
      (body) => res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' }).end(mask(JSON.stringify(body))),
      (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(mask(JSON.stringify({ ok: false, error: error.message }))),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
