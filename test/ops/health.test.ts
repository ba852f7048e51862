import { afterEach, describe, expect, it } from 'vitest';
import { healthStatus, startHealthServer } from '../../src/ops/health.js';
import type { HealthServer, HealthStatus } from '../../src/ops/health.js';
import type { RunRecord } from '../../src/store/records.js';

const servers: HealthServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const ALONE = { replica: 'duban-1', leases: [] };
const run = (job: string, status: RunRecord['status']): RunRecord => ({
  job, date: '2026-03-02', status, startedAt: '2026-03-02T01:03:00.000Z', finishedAt: '2026-03-02T01:03:05.000Z', detail: null,
});

describe('health endpoint', () => {
  it('serves GET /healthz on 127.0.0.1 with the last runs and the connection state', async () => {
    let status: HealthStatus = healthStatus({ mode: 'feishu', connection: 'connected', runs: [run('digest', 'done'), run('remind', 'done')], ...ALONE, time: 't1' });
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', status: async () => status });
    servers.push(server);
    const url = `http://127.0.0.1:${server.port}/healthz`;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, mode: 'feishu', connection: 'connected', runs: [run('digest', 'done'), run('remind', 'done')], replica: 'duban-1', leases: [], time: 't1' });

    status = healthStatus({ mode: 'feishu', connection: 'disconnected', runs: [run('digest', 'done')], ...ALONE, time: 't2' });
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, connection: 'disconnected' });
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
  });

  it('says which replica answers and which replica holds which run', async () => {
    const lease = { ledger: 'default', job: 'remind', date: '2026-03-02', replica: 'duban-2', acquiredAt: '2026-03-02T01:33:00.000Z', expiresAt: '2026-03-02T01:35:00.000Z' };
    const server = await startHealthServer({ port: 0, status: async () => healthStatus({ mode: 'feishu', connection: 'connected', runs: [], replica: 'duban-1', leases: [lease], time: 't' }) });
    servers.push(server);
    const body = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as HealthStatus;
    expect([body.ok, body.replica, body.leases]).toEqual([true, 'duban-1', [lease]]);
  });

  it('is not ok when the latest run of a job failed', () => {
    expect(healthStatus({ mode: 'local', connection: 'not_used', runs: [run('digest', 'failed')], ...ALONE, time: 't' }).ok).toBe(false);
    expect(healthStatus({ mode: 'local', connection: 'not_used', runs: [run('digest', 'skipped')], ...ALONE, time: 't' }).ok).toBe(true);
  });
});
