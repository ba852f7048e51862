/**
 * The service's scheduler uses the ledger's calendar tab: started on the office's extra working Saturday it catches up
 * the digest, on its local day off it sends nothing; the tab's bad rows go into the office's sheet-problems report.
 * Cards leave through group webhooks on the Feishu loopback.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../src/service/service.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { createWebhookRoutes, type WebhookState } from '../support/feishu/webhook-routes.js';
import { DAY_OFF, EXTRA_WORKDAY, GOOD_ROWS, writeOfficeLedger } from '../app/office-ledger.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';

const LEADERS = 'oc_leaders000000000000000000000001';
const OFFICE = 'oc_office0000000000000000000000001';
let server: FeishuLoopback;
let hooks: WebhookState;

beforeAll(async () => {
  hooks = createWebhookRoutes({ leaders: null, office: null });
  server = await startFeishuLoopback({ routes: hooks.routes });
});
afterAll(async () => {
  await server.close();
  expectNoUnexpectedCalls(server);
});

/** Starts the service at 10:10 Shanghai time on `date` with a fresh state directory, lets it catch up, stops it. */
async function serveOn(date: string, calendarRows: unknown[][]): Promise<{ leaders: string[]; office: string[] }> {
  hooks.received.clear();
  const dir = mkdtempSync(join(tmpdir(), 'duban-service-calendar-'));
  const sheet = await writeOfficeLedger(dir, calendarRows);
  const hook = (token: string) => ({ url: `${server.url}/open-apis/bot/v2/hook/${token}` });
  const config = { sheet, chats: { leaders: LEADERS, office: OFFICE }, feishu: { webhooks: { [LEADERS]: hook('leaders'), [OFFICE]: hook('office') } }, calendar: { tab: '调休' }, dataDir: 'state' };
  writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
  const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
  const service = await startService({
    loaded, logger: silentLogger, options: resolveOptions(), sheet, units: undefined, env: {},
    clock: fixedClock(`${date}T02:10:00Z`), handleSignals: false,
  });
  await service.stop();
  const cards = (token: string) => (hooks.received.get(token) ?? []).map((card) => JSON.stringify(card));
  return { leaders: cards('leaders'), office: cards('office') };
}

describe('duban serve with calendar.tab', () => {
  it('runs the digest on the extra working Saturday and reports the tab problems to the office', async () => {
    const sent = await serveOn(EXTRA_WORKDAY, [...GOOD_ROWS, ['2026-12-19', '值班', '']]);
    const titles = (cards: string[]) => cards.map((card) => JSON.parse(card).header.title.content);
    expect(titles(sent.leaders)).toEqual([`督办日报 · ${EXTRA_WORKDAY}`]);
    // A notice (the coming year has no published holiday schedule yet), the reminders of units without a group, the sheet
    // check: runs go side by side, so in no fixed order.
    expect(titles(sent.office).sort()).toEqual(['督办台账体检', '督办提醒 · 2026-12-12', '督办机器人提示'].sort());
    expect(sent.office.find((card) => card.includes('督办台账体检'))).toContain('值班');
  });

  it('sends nothing on the local day off', async () => {
    const sent = await serveOn(DAY_OFF, GOOD_ROWS);
    expect(sent).toEqual({ leaders: [], office: [] });
  });
});
