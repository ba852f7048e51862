/**
 * `duban serve` that cannot start (the callback port is taken, the PostgreSQL store is not migrated) says which setting
 * to change or what to run and leaves nothing open: the store is closed (its WAL file checkpointed away) and the
 * process does not crash on an unhandled 'error' event.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../src/service/service.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { Writable } from 'node:stream';
import { StoreError } from '../../src/store/store-error.js';
import { cleanUpStores, freshSchemaUrl, storeError } from '../support/store-backends.js';
import { EXAMPLE_TASKS } from '../sources/example.js';
import { capturedLogger } from '../support/feishu/harness.js';

cleanUpStores();

let feishu: FeishuLoopback;
let busy: http.Server;
beforeAll(async () => {
  feishu = await startFeishuLoopback();
  busy = http.createServer();
  await new Promise<void>((resolve) => busy.listen(0, resolve));
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  await feishu.close();
});

describe('startService', () => {
  it('fails with the port setting to change and closes the store when feishu.http.port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-service-start-'));
    const sheet = resolve(EXAMPLE_TASKS);
    const port = (busy.address() as AddressInfo).port;
    const config = { sheet, feishu: { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.url, events: 'http', http: { port, verificationToken: 'loopback-verification-token' } }, dataDir: 'state' };
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
    const start = startService({
      loaded, logger: silentLogger, options: resolveOptions(), sheet, units: undefined, env: {},
      clock: fixedClock('2026-03-01T02:00:00Z'), handleSignals: false,
    });
    const error = await start.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['feishu.http.port']);
    expect((error as ConfigError).message).toContain(String(port));
    expect(existsSync(join(dir, 'state', 'duban.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'state', 'duban.sqlite-wal'))).toBe(false);
  });

  it('logs which ledger it reads, and warns when Feishu is fed from the bundled example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-service-start-'));
    const sheet = resolve(EXAMPLE_TASKS);
    const hook = { url: `${feishu.url}/open-apis/bot/v2/hook/leaders` };
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify({ sheet, feishu: { webhooks: { oc_leaders: hook } }, dataDir: 'state' }));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
    const { logger, text } = capturedLogger();
    // 23:00 in Shanghai: outside the send window, nothing is sent.
    const service = await startService({ loaded, logger, options: resolveOptions(), sheet, units: undefined, env: {}, clock: fixedClock('2026-03-01T15:00:00Z'), handleSignals: false });
    await service.stop();
    const lines = text().trim().split('\n').map((line) => JSON.parse(line) as { event: string; sheet?: string; level: string });
    expect(lines.find((l) => l.event === 'service.ledger')).toMatchObject({ level: 'info', sheet });
    expect(lines.find((l) => l.event === 'service.example_ledger')).toMatchObject({ level: 'warn', sheet });
  });

  it('refuses a PostgreSQL store that is not migrated, saying to run duban store migrate, in the log too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-service-start-'));
    const sheet = resolve(EXAMPLE_TASKS);
    const url = await freshSchemaUrl();
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify({ sheet, feishu: { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.url } }));
    const loaded = loadConfig({ path: 'duban.yaml', env: { DUBAN_DATABASE_URL: url }, cwd: dir });
    let log = '';
    const logger = createLogger({ stream: new Writable({ write: (chunk, _enc, done) => ((log += String(chunk)), done()) }), pretty: false });
    const error = await storeError(startService({ loaded, logger, options: resolveOptions(), sheet, units: undefined, env: {}, handleSignals: false }));
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain('请先运行 duban store migrate');
    const line = JSON.parse(log.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'store.unavailable', problem: 'not-migrated' });
    expect(line.error).toMatch(/has no duban tables yet; run duban store migrate/);
    expect(log).not.toContain(new URL(url).password);
  });
});
