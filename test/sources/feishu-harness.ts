/** A Feishu loopback with the sheets and bitable routes, and the real Feishu client on a virtual clock. */
import { afterAll, beforeAll } from 'vitest';
import { createFeishuClient, type FeishuClient } from '../../src/feishu/feishu-client.js';
import { silentLogger } from '../../src/log/logger.js';
import type { SourceDeps } from '../../src/sources/open-source.js';
import { createBitableRoutes, type BitableState } from '../support/feishu/bitable-routes.js';
import { expectNoUnexpectedCalls, virtualClock, type VirtualClock } from '../support/feishu/harness.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { createSheetsRoutes, createWikiRoute, type SheetsState } from '../support/feishu/sheets-routes.js';

export interface FeishuSetup {
  server: FeishuLoopback;
  sheets: SheetsState;
  bitable: BitableState;
  client: FeishuClient;
  clock: VirtualClock;
  deps: SourceDeps;
}

/** Starts the loopback; `deps` hands the client to openSource. */
export async function startFeishuSetup(): Promise<FeishuSetup> {
  const sheets = createSheetsRoutes();
  const bitable = createBitableRoutes();
  const wiki = createWikiRoute({
    wikcnLedgerSheet: { obj_type: 'sheet', obj_token: 'shtcnDubanExample01', title: '督办台账' },
    wikcnLedgerBase: { obj_type: 'bitable', obj_token: 'bascnDubanExample01', title: '督办台账（多维表格）' },
    wikcnMinutes: { obj_type: 'docx', obj_token: 'doxcnMinutes', title: '会议纪要' },
  });
  const server = await startFeishuLoopback({ routes: [...sheets.routes, ...bitable.routes, wiki] });
  const clock = virtualClock();
  const client = createFeishuClient({
    appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger,
    sleep: clock.sleep, now: clock.now, random: () => 0.5, timeoutMs: 5000,
  });
  return { server, sheets, bitable, client, clock, deps: { env: {}, logger: silentLogger, feishuApi: () => client } };
}

/** API requests to the loopback other than the token endpoint. */
export function apiRequests(server: FeishuLoopback) {
  return server.requests.filter((r) => !r.path.includes('tenant_access_token'));
}

/** Starts the loopback before a file's tests and closes it after them, checking that nothing unexpected was called. */
export function useFeishuSetup(): () => FeishuSetup {
  let setup: FeishuSetup;
  beforeAll(async () => {
    setup = await startFeishuSetup();
  });
  afterAll(async () => {
    await setup.server.close();
    expectNoUnexpectedCalls(setup.server);
  });
  return () => setup;
}
