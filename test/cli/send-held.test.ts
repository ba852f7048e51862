/**
 * `duban digest --send` with the state in PostgreSQL while a replica of `duban serve` holds today's digest run: the
 * command sends nothing and says which replica is sending it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { runDuban } from '../support/run-cli.js';
import { BACKENDS, cleanUpStores, freshStore } from '../support/store-backends.js';

const opened = cleanUpStores();
const example = join(fileURLToPath(new URL('../..', import.meta.url)), 'sheets-templates', 'example');
const LEADERS = 'oc_00000000000000000000000000leaders';
const TODAY = '2022-06-27';
let server: FeishuLoopback | null = null;
afterEach(async () => server?.close());

describe('duban digest --send beside replicas of duban serve', () => {
  it('leaves a run another replica holds to it, and sends it once that replica has let it go', async () => {
    const im = createImRoutes({ chats: [{ chat_id: LEADERS, name: '领导群' }] });
    server = await startFeishuLoopback({ routes: im.routes });
    const { store, location } = await freshStore(BACKENDS[1]);
    opened.push(store);
    expect(await store.claimRun('default', 'digest', TODAY, 'duban-b', 60_000)).toBe(true);
    const cwd = mkdtempSync(join(tmpdir(), 'duban-send-held-'));
    writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify({ sheet: join(example, 'tasks.csv'), units: join(example, 'units.csv'), chats: { leaders: LEADERS } }));
    const env = { DUBAN_CONFIG: join(cwd, 'duban.yaml'), DUBAN_DATABASE_URL: location.databaseUrl!, FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url };

    const held = await runDuban(['digest', '--send', '--today', TODAY], { cwd, env });
    expect([held.code, held.stdout]).toEqual([0, `${TODAY} 的日报正由另一个 duban 副本（duban-b）发送，不再重复发送。\n`]);
    expect(im.messages).toEqual([]);

    await store.releaseRun('default', 'digest', TODAY, 'duban-b');
    const sent = await runDuban(['digest', '--send', '--today', TODAY], { cwd, env });
    expect([sent.code, sent.stdout]).toEqual([0, `✓ 日报已发送到 ${LEADERS}\n`]);
    expect(im.inChat(LEADERS)).toHaveLength(1);
    expect(await store.leases()).toEqual([]);
  });
});
