import { afterEach, describe, expect, it } from 'vitest';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Card } from '../../src/render/card.js';
import { closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const OFFICE = 'oc_office000001';
const servers: FeishuLoopback[] = [];
afterEach(() => closeLoopbacks(servers));

const card = (text: string, extra: Record<string, unknown> = {}): Card => ({
  schema: '2.0', config: { update_multi: true }, header: { title: { tag: 'plain_text', content: '延期申请 R1' } }, body: { elements: [{ tag: 'markdown', content: text }] }, ...extra,
});

async function setup(options: { realClock?: boolean } = {}) {
  const im = createImRoutes({ chats: [{ chat_id: OFFICE, name: '督办办公室' }], members: { [OFFICE]: ['ou_liaison01', 'ou_liaison02'] } });
  const server = await startFeishuLoopback({ routes: im.routes });
  servers.push(server);
  // The rate limiter must pace real requests against the loopback's real clock; other tests wait on a virtual one.
  const clock = virtualClock();
  const time = options.realClock ? {} : { sleep: clock.sleep, now: clock.now };
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, ...time, maxRetries: 0 });
  const messenger = new FeishuAppMessenger(client, silentLogger);
  const sent = await messenger.send({ chat: OFFICE, card: card('待审核'), key: 'review|R1' });
  return { im, server, messenger, messageId: sent.messageId! };
}

describe('updating a sent card (PATCH im/v1/messages/:id) and 加急', () => {
  it('updates the card in place, keeping its message id', async () => {
    const { im, messenger, messageId } = await setup();
    expect((await messenger.patchCard(messageId, card('已同意'))).ok).toBe(true);
    expect(im.messages.map((m) => [m.message_id, JSON.parse(m.content).body.elements[0].content])).toEqual([[messageId, '已同意']]);
    expect(im.patches.map((p) => p.message_id)).toEqual([messageId]);
  });

  it('is refused, with Feishu codes, for a card older than 14 days, a card not shared, one over 30 KB, an unknown message', async () => {
    const { im, messenger, messageId } = await setup();
    const code = async (id: string, c: Card) => (await messenger.patchCard(id, c)).error?.code;
    expect(await code(messageId, { config: { update_multi: false }, elements: [{ tag: 'markdown', content: 'x' }] })).toBe(230001);
    expect(await code('om_unknown0001', card('x'))).toBe(230001);
    expect(await code(messageId, card('长'.repeat(20_000)))).toBe('card_too_large');
    im.age(messageId, 15);
    expect(await code(messageId, card('已同意'))).toBe(230031);
    expect(im.patches).toEqual([]);
  });

  it('keeps to 5 updates a second per message, so Feishu never answers 230020', async () => {
    const { im, messenger, messageId, server } = await setup({ realClock: true });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => messenger.patchCard(messageId, card(`第 ${i} 次`))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(im.patches).toHaveLength(8);
    expect(server.requestsTo(/\/messages\/om_/, 'PATCH').every((r) => r.status === 200)).toBe(true);
  });

  it('sends 加急 to members of the chat and returns those Feishu refused', async () => {
    const { im, messenger, messageId } = await setup();
    expect(await messenger.urgentApp(messageId, ['ou_liaison01', 'ou_outsider01'])).toEqual(['ou_outsider01']);
    expect(await messenger.urgentApp(messageId, ['ou_outsider01'])).toEqual(['ou_outsider01']);
    expect(await messenger.urgentApp('om_notmine0001', ['ou_liaison01'])).toEqual(['ou_liaison01']);
    expect(im.urgents).toEqual([{ message_id: messageId, user_id_list: ['ou_liaison01', 'ou_outsider01'], invalid: ['ou_outsider01'] }]);
  });
});
