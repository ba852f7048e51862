/**
 * Restarts past Feishu's one-hour uuid memory: the attempt is recorded before the request leaves; a run resumed more
 * than an hour later looks for the card in the chat's recent messages (GET im/v1/messages, container_id_type=chat)
 * before sending it again. Real FeishuAppMessenger against the loopback server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Messenger } from '../../src/delivery/messenger.js';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const CHAT = 'oc_digest0000000000000000000000001';
const DATE = '2022-06-27';
const HOUR = 60 * 60_000;
const servers: FeishuLoopback[] = [];
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await closeLoopbacks(servers);
});

const card = { schema: '2.0', header: { title: { tag: 'plain_text', content: `督办日报 · ${DATE}` } }, body: { elements: [{ tag: 'markdown', content: '总任务 16 项' }] } };
const build = () => ({ messages: [{ chat: CHAT, key: `digest|${DATE}|${CHAT}`, card }] });

async function setup() {
  const im = createImRoutes({ chats: [{ chat_id: CHAT, name: '领导群' }] });
  const server = await startFeishuLoopback({ routes: im.routes });
  servers.push(server);
  const sleeps = virtualClock();
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, sleep: sleeps.sleep, now: sleeps.now });
  const dir = mkdtempSync(join(tmpdir(), 'duban-uuid-memory-'));
  const open = async () => {
    const store = await openStore(dir);
    opened.push(store);
    return store;
  };
  return { im, server, messenger: new FeishuAppMessenger(client, silentLogger), open, clock: fixedClock('2022-06-27T01:03:00Z') };
}

/** A process that dies during the send: the request reaches Feishu (or not) and the answer never comes back. */
function dyingAfter(messenger: FeishuAppMessenger, reachesFeishu: boolean): Messenger & { tried: () => boolean } {
  let tried = false;
  return {
    tried: () => tried,
    send: async (message) => {
      tried = true;
      if (reachesFeishu) await messenger.send(message);
      return new Promise(() => {});
    },
  };
}

const posts = (server: FeishuLoopback) => server.requestsTo('/open-apis/im/v1/messages', 'POST').length;
const lists = (server: FeishuLoopback) => server.requestsTo('/open-apis/im/v1/messages', 'GET').length;

describe('a send cut off before it was recorded', () => {
  it('more than an hour later: the card found in the chat is recorded as sent, not posted again', async () => {
    const { im, server, messenger, open, clock } = await setup();
    const dying = dyingAfter(messenger, true);
    void runJob({ store: await open(), messenger: dying, clock, job: 'digest', date: DATE, build });
    await vi.waitFor(() => expect(im.messages).toHaveLength(1));
    const [posted] = im.messages;

    clock.advance(2 * HOUR);
    im.forgetUuids();
    const store = await open();
    expect((await store.messages('digest', DATE))[0]).toMatchObject({ outcome: 'pending', attemptedAt: '2022-06-27T01:03:00.000Z' });
    const outcome = await runJob({ store, messenger, clock, job: 'digest', date: DATE, build });
    expect(outcome).toMatchObject({ status: 'done', sent: 1, failed: 0 });
    expect(im.inChat(CHAT)).toHaveLength(1);
    expect([posts(server), lists(server)]).toEqual([1, 1]);
    expect((await store.messages('digest', DATE))[0].messageId).toBe(posted.message_id);
  });

  it('more than an hour later: a card that never reached the chat is sent', async () => {
    const { im, server, messenger, open, clock } = await setup();
    const dying = dyingAfter(messenger, false);
    void runJob({ store: await open(), messenger: dying, clock, job: 'digest', date: DATE, build });
    await vi.waitFor(() => expect(dying.tried()).toBe(true));

    clock.advance(2 * HOUR);
    const outcome = await runJob({ store: await open(), messenger, clock, job: 'digest', date: DATE, build });
    expect(outcome).toMatchObject({ status: 'done', sent: 1 });
    expect(im.inChat(CHAT).map((m) => JSON.parse(m.content).header.title.content)).toEqual([`督办日报 · ${DATE}`]);
    expect([posts(server), lists(server)]).toEqual([1, 1]);
  });

  it('within the hour: sent again with the same uuid, which Feishu de-duplicates, without looking', async () => {
    const { im, server, messenger, open, clock } = await setup();
    const dying = dyingAfter(messenger, true);
    void runJob({ store: await open(), messenger: dying, clock, job: 'digest', date: DATE, build });
    await vi.waitFor(() => expect(im.messages).toHaveLength(1));

    clock.advance(20 * 60_000);
    const outcome = await runJob({ store: await open(), messenger, clock, job: 'digest', date: DATE, build });
    expect(outcome).toMatchObject({ status: 'done', sent: 1 });
    expect(im.inChat(CHAT)).toHaveLength(1);
    expect([posts(server), lists(server)]).toEqual([2, 0]);
  });
});
