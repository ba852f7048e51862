/**
 * The leaders' one digest card when the first of its ledgers cannot be used that day: the next ledger sends it with
 * the sections there are, and the first ledger's own digest run is recorded as failed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startService, type Service } from '../../src/service/service.js';
import { openStore } from '../../src/store/open-store.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const LEADERS = 'oc_leaders';
const NOW = '2022-06-27T02:00:00.000Z'; // Monday 10:00 in Shanghai: the 09:00 digest is caught up at start
const HEADER = '编号,任务,责任单位,截止日期,状态,进度';

describe('the combined digest with an unusable first ledger', () => {
  let server: FeishuLoopback;
  let im: ImState;
  let service: Service;
  let dir: string;

  beforeAll(async () => {
    im = createImRoutes({ chats: [{ chat_id: LEADERS, name: LEADERS }], bot: { open_id: 'ou_bot', app_name: '督办助手' } });
    server = await startFeishuLoopback({ routes: im.routes });
    dir = mkdtempSync(join(tmpdir(), 'duban-combined-'));
    writeFileSync(join(dir, 'empty.csv'), `${HEADER}\n`);
    writeFileSync(join(dir, 'b.csv'), `${HEADER}\n1,改造老旧小区道路,区交通局,2022-07-15,进行中,40%\n`);
    writeFileSync(join(dir, 'c.csv'), `${HEADER}\n1,推进轨道交通建设,区交通局,2022-12-31,进行中,20%\n`);
    const config = {
      dataDir: 'state',
      feishu: { appId: server.appId, appSecret: server.appSecret, domain: server.url },
      chats: { leaders: LEADERS },
      ledgers: [{ name: '双拥', sheet: 'empty.csv' }, { name: '民生实事', sheet: 'b.csv' }, { name: '政府工作报告', sheet: 'c.csv' }],
    };
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
    service = await startService({ loaded, logger: silentLogger, options: resolveOptions(), sheet: '', units: undefined, env: {}, clock: fixedClock(NOW), handleSignals: false });
  }, 30_000);

  afterAll(async () => {
    await service?.stop();
    await server?.close();
  });

  it('is sent once by the next ledger, with the sections there are', async () => {
    const sent = im.inChat(LEADERS);
    expect(sent).toHaveLength(1);
    const text = JSON.stringify(JSON.parse(sent[0].content));
    expect(text.match(/【[^】]+】/g)).toEqual(['【民生实事】', '【政府工作报告】']);
    const store = await openStore(join(dir, 'state'));
    try {
      const digestOf = async (ledger: string) => (await store.forLedger(ledger).getRun('digest', '2022-06-27'))?.status;
      expect([await digestOf('双拥'), await digestOf('民生实事'), await digestOf('政府工作报告')]).toEqual(['failed', 'done', 'done']);
      expect((await store.forLedger('民生实事').messages('digest', '2022-06-27')).map((m) => m.chat)).toEqual([LEADERS]);
      expect(await store.forLedger('政府工作报告').messages('digest', '2022-06-27')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
