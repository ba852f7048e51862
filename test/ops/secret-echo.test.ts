/**
 * A server that echoes secrets back in its errors (the app secret, the tenant token): they are masked everywhere text
 * leaves the process — the store's messages.error and runs.detail (and the database file itself), /healthz, and the
 * message the command line prints.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/failure.js';
import { FeishuApiError } from '../../src/feishu/feishu-api.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { silentLogger } from '../../src/log/logger.js';
import { healthStatus, startHealthServer } from '../../src/ops/health.js';
import { openStore } from '../../src/store/open-store.js';
import { STORE_FILE } from '../../src/store/store-file.js';
import { closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const CHAT = 'oc_echo000000000000000000000000001';
const servers: FeishuLoopback[] = [];
afterAll(() => closeLoopbacks(servers));

describe('secrets a server echoes back', () => {
  it('never reach the store, /healthz or a printed error', async () => {
    const im = createImRoutes({ chats: [{ chat_id: CHAT, name: '回显群' }] });
    const server = await startFeishuLoopback({ routes: im.routes, appSecret: 'echoed-app-secret-9f8e7d6c' });
    servers.push(server);
    // The first tenant token the loopback issues; the server quotes it and the app secret in its error.
    const token = 't-loopback000001';
    const msg = `invalid request: app_secret=${server.appSecret} Authorization: Bearer ${token}`;
    server.fault({ method: 'POST', path: '/open-apis/im/v1/messages', times: Infinity, respond: { status: 400, body: { code: 230001, msg } } });
    const clock = virtualClock();
    const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, sleep: clock.sleep, now: clock.now });
    const dir = mkdtempSync(join(tmpdir(), 'duban-secret-echo-'));
    const store = await openStore(dir);
    const outcome = await runJob({
      store, messenger: new FeishuAppMessenger(client, silentLogger), clock: fixedClock('2026-03-02T01:33:00Z'), job: 'digest', date: '2026-03-02',
      build: () => ({ messages: [{ chat: CHAT, key: `digest|2026-03-02|${CHAT}`, card: { schema: '2.0', body: { elements: [] } } }] }),
    });
    expect(outcome.status).toBe('failed');

    const [message] = await store.messages('digest', '2026-03-02');
    const run = await store.getRun('digest', '2026-03-02');
    expect(message.error).toContain('app_secret=*** Authorization: Bearer ***');
    expect(run?.detail).toContain('app_secret=*** Authorization: Bearer ***');
    const health = await startHealthServer({ port: 0, status: async () => healthStatus({ mode: 'feishu', connection: 'connected', runs: await store.lastRuns(), replica: 'duban-1', leases: await store.leases(), time: 't' }) });
    const body = await (await fetch(`http://127.0.0.1:${health.port}/healthz`)).text();
    await health.close();
    await store.close();
    const file = readFileSync(join(dir, STORE_FILE), 'latin1');
    for (const text of [body, file]) {
      expect(text).not.toContain(server.appSecret);
      expect(text).not.toContain(token);
    }
    expect(body).toContain('Bearer ***');

    const printed = describeFailure(new FeishuApiError(230001, 400, `POST /open-apis/im/v1/messages failed: ${msg}`, ''));
    expect(printed.message).toBe('飞书接口出错（230001）：POST /open-apis/im/v1/messages failed: invalid request: app_secret=*** Authorization: Bearer ***');
    expect(printed.detail).not.toContain(server.appSecret);
  });
});
