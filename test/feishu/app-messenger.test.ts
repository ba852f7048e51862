import { afterEach, describe, expect, it } from 'vitest';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { messageUuid } from '../../src/feishu/idempotency.js';
import type { OutgoingMessage } from '../../src/delivery/messenger.js';
import type { Card } from '../../src/render/card.js';
import { silentLogger } from '../../src/log/logger.js';
import { renderDigestCard } from '../../src/render/digest.js';
import { makeLedger, makeTask } from '../support/make-task.js';
import { sampleDigest } from '../render/render-helpers.js';
import { quotaExhausted, rateLimited } from '../support/feishu/faults.js';
import { closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const LEADERS = 'oc_leaders00001';
const TRANSPORT = 'oc_transport0001';
const HEALTH = 'oc_health000001';
const NOT_MEMBER = 'oc_notjoined0001';
const servers: FeishuLoopback[] = [];

afterEach(() => closeLoopbacks(servers));

async function setup() {
  const im = createImRoutes({
    chats: [
      { chat_id: LEADERS, name: '领导群' },
      { chat_id: TRANSPORT, name: '交通局工作群' },
      { chat_id: HEALTH, name: '卫健委工作群' },
    ],
  });
  const server = await startFeishuLoopback({ routes: im.routes });
  servers.push(server);
  const clock = virtualClock();
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, sleep: clock.sleep, now: clock.now });
  return { server, im, messenger: new FeishuAppMessenger(client, silentLogger) };
}

const reminderCard = (unit: string, openIds: string[]): Card => ({
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: `${unit} · 逾期提醒` }, template: 'red' },
  body: { elements: [{ tag: 'markdown', content: `任务 3 已逾期 ${openIds.map((id) => `<at id=${id}></at>`).join(' ')}` }] },
});
const digestCard: Card = {
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: '今日督办摘要' }, template: 'blue' },
  body: { elements: [{ tag: 'markdown', content: '共 12 项，逾期 2 项' }] },
};

const run = (date: string): OutgoingMessage[] => [
  { chat: LEADERS, card: digestCard, key: `digest|${date}|${LEADERS}` },
  { chat: TRANSPORT, card: reminderCard('交通局', ['ou_liaison0001']), key: `remind|${date}|${TRANSPORT}` },
  { chat: NOT_MEMBER, card: reminderCard('规划局', ['ou_liaison0003']), key: `remind|${date}|${NOT_MEMBER}` },
  { chat: HEALTH, card: reminderCard('卫健委', ['ou_liaison0002', 'ou_liaison0004']), key: `remind|${date}|${HEALTH}` },
];

const sendAll = async (messenger: FeishuAppMessenger, messages: OutgoingMessage[]) => {
  const results = [];
  for (const m of messages) results.push(await messenger.send(m));
  return results;
};

describe('FeishuAppMessenger', () => {
  it('posts one interactive card per chat with the liaisons mentioned', async () => {
    const { im, messenger } = await setup();
    await sendAll(messenger, run('2026-03-02'));
    expect(im.inChat(LEADERS)).toHaveLength(1);
    expect(im.inChat(TRANSPORT)).toHaveLength(1);
    expect(im.inChat(HEALTH)).toHaveLength(1);
    expect(im.messages.every((m) => m.msg_type === 'interactive')).toBe(true);
    expect(JSON.parse(im.inChat(LEADERS)[0].content)).toEqual(digestCard);
    expect(im.inChat(TRANSPORT)[0].content).toContain('<at id=ou_liaison0001></at>');
    expect(im.inChat(HEALTH)[0].content).toMatch(/ou_liaison0002.*ou_liaison0004/);
    expect(im.inChat(HEALTH)[0].content).not.toContain('ou_liaison0001');
  });

  it('reports a chat the bot is not in by name and still delivers the others', async () => {
    const { im, messenger } = await setup();
    const results = await sendAll(messenger, run('2026-03-02'));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[2].error).toMatchObject({ code: 230002, hint: `机器人不在群 ${NOT_MEMBER} 中，请先把机器人加入该群` });
    expect(results[3].messageId).toMatch(/^om_/);
    expect(im.messages).toHaveLength(3);
  });

  it('posts nothing twice when the same run is repeated', async () => {
    const { server, im, messenger } = await setup();
    const first = await sendAll(messenger, run('2026-03-02'));
    const again = await sendAll(messenger, run('2026-03-02'));
    expect(im.messages).toHaveLength(3);
    expect(again.map((r) => r.messageId)).toEqual(first.map((r) => r.messageId));
    expect(server.requestsTo('/open-apis/im/v1/messages').length).toBe(8);
    await sendAll(messenger, run('2026-03-03'));
    expect(im.messages).toHaveLength(6);
  });

  it('delivers every message exactly once through a burst of 429s', async () => {
    const { server, im, messenger } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: 6, respond: rateLimited(1) });
    const messages = run('2026-03-02').filter((m) => m.chat !== NOT_MEMBER);
    const results = await Promise.all(messages.map((m) => messenger.send(m)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(im.messages).toHaveLength(3);
    expect(new Set(im.messages.map((m) => m.chat_id))).toEqual(new Set([LEADERS, TRANSPORT, HEALTH]));
  });

  it('maps a card Feishu refuses (a malformed <at>) and one over 30 KB to hints', async () => {
    const { server, messenger } = await setup();
    const bad: Card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '<at id=张三></at> 请更新' }] } };
    const refused = await messenger.send({ chat: TRANSPORT, card: bad, key: 'remind|bad' });
    expect(refused.error?.code).toBe(230099);
    expect(refused.error?.hint).toContain('联络员账号');
    const huge: Card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '任'.repeat(11_000) }] } };
    const tooBig = await messenger.send({ chat: TRANSPORT, card: huge, key: 'remind|huge' });
    expect(tooBig.error?.code).toBe('card_too_large');
    // Under 30 KB as JSON, over it once escaped into the request body's `content` string.
    const quoted: Card = { schema: '2.0', body: { elements: Array.from({ length: 800 }, () => ({ tag: 'markdown', content: '任务' })) } };
    expect(Buffer.byteLength(JSON.stringify(quoted))).toBeLessThan(30 * 1024);
    expect((await messenger.send({ chat: TRANSPORT, card: quoted, key: 'remind|quoted' })).error?.code).toBe('card_too_large');
    expect(server.requestsTo('/open-apis/im/v1/messages')).toHaveLength(1);
  });

  it('delivers a digest of 2,000 tasks cut to fit a 30 KB request body (the card escaped in content)', async () => {
    const { server, im, messenger } = await setup();
    const tasks = Array.from({ length: 2_000 }, (_, i) =>
      makeTask({ id: String(i + 1), title: `第${i + 1}项重点任务：推进“双拥”示范创建并按季度报送进展`, lead: [`第${(i % 400) + 1}责任单位`], due: '2026-02-01' }),
    );
    const card = renderDigestCard(sampleDigest(makeLedger(tasks)));
    const result = await messenger.send({ chat: LEADERS, card, key: 'digest|big' });
    expect(result.error).toBeNull();
    expect(im.inChat(LEADERS)).toHaveLength(1);
    const [request] = server.requestsTo('/open-apis/im/v1/messages');
    expect(Buffer.byteLength(JSON.stringify(request.body))).toBeLessThanOrEqual(30_000);
  });

  it('replies to a message with a card, once per key', async () => {
    const { im, messenger } = await setup();
    const parent = await messenger.send({ chat: TRANSPORT, card: digestCard, key: 'digest|x' });
    const answer: Card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '交通局负责 3 项任务' }] } };
    const a = await messenger.replyCard(parent.messageId!, answer, 'answer|om_1');
    const b = await messenger.replyCard(parent.messageId!, answer, 'answer|om_1');
    expect(a.messageId).toBe(b.messageId);
    expect(im.repliesTo(parent.messageId!)).toHaveLength(1);
    expect(im.repliesTo(parent.messageId!)[0].chat_id).toBe(TRANSPORT);
  });
});

describe('FeishuAppMessenger across a run', () => {
  it('keeps delivering when the token expires mid-run', async () => {
    const { server, im, messenger } = await setup();
    const [first, ...rest] = run('2026-03-02').filter((m) => m.chat !== NOT_MEMBER);
    expect((await messenger.send(first)).ok).toBe(true);
    server.expireTokens();
    expect((await sendAll(messenger, rest)).every((r) => r.ok)).toBe(true);
    expect(im.messages).toHaveLength(3);
    expect(server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(2);
  });

  it('stops calling Feishu after the monthly quota is hit and tells the office for every chat', async () => {
    const { server, messenger } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: Infinity, respond: quotaExhausted() });
    const results = await sendAll(messenger, run('2026-03-02'));
    expect(results.map((r) => r.error?.code)).toEqual([99991403, 99991403, 99991403, 99991403]);
    expect(results[3].error?.hint).toContain('本月飞书开放平台接口调用次数已用完');
    expect(server.requestsTo('/open-apis/im/v1/messages')).toHaveLength(1);
  });
});

describe('messageUuid', () => {
  it('is stable for the same key and content, at most 50 chars, and changes with either', () => {
    const key = `remind|2026-03-02|${'oc_' + 'a'.repeat(60)}`;
    const u = messageUuid(key, '{"a":1}');
    expect(u.length).toBeLessThanOrEqual(50);
    expect(messageUuid(key, '{"a":1}')).toBe(u);
    expect(messageUuid(key, '{"a":2}')).not.toBe(u);
    expect(messageUuid(`${key}b`, '{"a":1}')).not.toBe(u);
    expect(messageUuid('digest|2026-03-02|oc_x', '{}')).toMatch(/^digest-2026-03-02-oc_x-/);
  });
});
