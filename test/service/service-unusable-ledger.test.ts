/**
 * The service on a ledger without a readable header: no green "0/0, 逾期 0" digest reaches the leaders; the digest and
 * reminder runs are recorded as failed (so they are retried once the sheet is fixed) and the office gets the sheet check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startService } from '../../src/service/service.js';
import { openStore } from '../../src/store/open-store.js';
import { closeLoopbacks } from '../support/feishu/harness.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { createWebhookRoutes, type WebhookState } from '../support/feishu/webhook-routes.js';

const LEADERS = 'oc_leaders000000000000000000000001';
const OFFICE = 'oc_office0000000000000000000000001';
const servers: FeishuLoopback[] = [];
let hooks: WebhookState;

beforeAll(async () => {
  hooks = createWebhookRoutes({ leaders: null, office: null });
  servers.push(await startFeishuLoopback({ routes: hooks.routes }));
});
afterAll(() => closeLoopbacks(servers));

describe('duban serve on a ledger that cannot be read as a ledger', () => {
  it('sends the office the sheet check, and the leaders nothing', async () => {
    const [server] = servers;
    const dir = mkdtempSync(join(tmpdir(), 'duban-service-unusable-'));
    const sheet = join(dir, 'tasks.csv');
    writeFileSync(sheet, '走访慰问,区民政局,2022-06-30\n表彰大会,区委宣传部,2022-08-01\n');
    const hook = (token: string) => ({ url: `${server.url}/open-apis/bot/v2/hook/${token}` });
    const config = { sheet, chats: { leaders: LEADERS, office: OFFICE }, feishu: { webhooks: { [LEADERS]: hook('leaders'), [OFFICE]: hook('office') } }, dataDir: 'state' };
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
    // Monday 2022-06-27, 10:10 in Shanghai: the digest (09:00) and reminders (09:30) are caught up at start.
    const service = await startService({
      loaded, logger: silentLogger, options: resolveOptions(), sheet, units: undefined, env: {},
      clock: fixedClock('2022-06-27T02:10:00Z'), handleSignals: false,
    });
    await service.stop();

    const titles = (token: string) => (hooks.received.get(token) ?? []).map((card) => (card as { header: { title: { content: string } } }).header.title.content);
    expect(titles('leaders')).toEqual([]);
    expect(titles('office')).toEqual(['督办台账体检']);
    const store = await openStore(join(dir, 'state'));
    try {
      for (const job of ['digest', 'remind']) {
        const run = await store.getRun(job, '2022-06-27');
        expect(run?.status).toBe('failed');
        expect(run?.detail).toContain(`台账 ${sheet} 中读不出任务`);
      }
    } finally {
      await store.close();
    }
  });
});
