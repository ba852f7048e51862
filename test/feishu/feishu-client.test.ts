import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuClient, type FeishuClient } from '../../src/feishu/feishu-client.js';
import { FeishuApiError } from '../../src/feishu/feishu-api.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { chatRateLimited, quotaExhausted, rateLimited, serverError } from '../support/feishu/faults.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { capturedLogger, closeLoopbacks, virtualClock } from '../support/feishu/harness.js';

const CHAT = 'oc_group0001';
const servers: FeishuLoopback[] = [];

async function setup(logger: Logger = silentLogger, timeoutMs = 2000) {
  const im = createImRoutes({ chats: [{ chat_id: CHAT, name: '测试群' }] });
  const server = await startFeishuLoopback({ routes: im.routes });
  servers.push(server);
  const clock = virtualClock();
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger, sleep: clock.sleep, now: clock.now, random: () => 0.5, timeoutMs });
  return { server, im, clock, client };
}

const send = (client: FeishuClient, text = 'hi', uuid?: string) =>
  client.call<{ message_id: string }>({
    method: 'POST',
    url: '/open-apis/im/v1/messages',
    params: { receive_id_type: 'chat_id' },
    data: { receive_id: CHAT, msg_type: 'text', content: JSON.stringify({ text }), uuid },
    bucket: `chat:${CHAT}`,
  });

afterEach(() => closeLoopbacks(servers));

describe('createFeishuClient', () => {
  it('resolves to data and checks business codes returned with HTTP 200', async () => {
    const { server, client } = await setup();
    expect((await send(client)).message_id).toMatch(/^om_/);
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: { status: 200, body: { code: 230027, msg: 'no permission' } } });
    const error = await send(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect((error as FeishuApiError).code).toBe(230027);
    expect((error as FeishuApiError).hint).toContain('im:message:send_as_bot');
  });

  it('retries 429 honouring x-ogw-ratelimit-reset, then 230020 and 5xx with backoff', async () => {
    const { server, im, clock, client } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: rateLimited(3) });
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: chatRateLimited() });
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: serverError() });
    await send(client);
    expect(im.messages).toHaveLength(1);
    expect(server.requestsTo('/open-apis/im/v1/messages')).toHaveLength(4);
    // The 3 s reset, then 2 s and 4 s of backoff for retries 2 and 3, each with half of the 1 s jitter (random 0.5).
    expect(clock.sleeps).toEqual([3000, 2500, 4500]);
  });

  it('retries a dropped connection; after 3 calls in a row without an answer it stops calling for a while', async () => {
    const { server, im, client } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: 2, respond: 'drop' });
    await send(client);
    expect(im.messages).toHaveLength(1);
    server.fault({ path: '/open-apis/im/v1/messages', times: Infinity, respond: 'drop' });
    const error = (await send(client).catch((e: unknown) => e)) as FeishuApiError;
    expect(error.httpStatus).toBe(0);
    expect(error.hint).toBe('飞书开放平台连续 3 次没有应答（网络故障或超时），已暂停调用 60 秒；请检查服务器网络或 FEISHU_DOMAIN 设置');
    // Two dropped and one answered, then three dropped: the circuit opened and the last two attempts were never made.
    expect(server.requestsTo('/open-apis/im/v1/messages').length).toBe(3 + 3);
    const before = server.requests.length;
    await expect(send(client)).rejects.toMatchObject({ httpStatus: 0 });
    expect(server.requests.length).toBe(before);
  });

  it('tries again once the circuit has been open for its while', async () => {
    const { server, im, clock, client } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: 3, respond: 'drop' });
    await expect(send(client)).rejects.toMatchObject({ httpStatus: 0 });
    await clock.sleep(60_000);
    await send(client, 'after');
    expect(im.messages.map((m) => JSON.parse(m.content).text)).toEqual(['after']);
  });

  it('times out a slow answer and retries; the uuid keeps it to one message', async () => {
    const { server, im, client } = await setup(silentLogger, 200);
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: { delayMs: 400 } });
    const sent = await send(client, 'slow', 'digest-2026-03-02-oc_group0001');
    expect(server.requestsTo('/open-apis/im/v1/messages').length).toBe(2);
    await new Promise((r) => setTimeout(r, 300)); // let the slow first request finish on the server
    expect(im.messages.map((m) => m.message_id)).toEqual([sent.message_id]);
  });

  it('evicts a token that expired mid-run and retries once with a new one', async () => {
    const { server, client } = await setup();
    await send(client, 'one');
    server.expireTokens();
    await send(client, 'two');
    const tokens = server.requestsTo('/open-apis/im/v1/messages').map((r) => r.headers.authorization);
    expect(tokens).toHaveLength(3);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).not.toBe(tokens[0]);
    expect(server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(2);
  });

  it.each([
    [99991661, 'Missing access token for authorization.'],
    [99991663, 'Invalid access token for authorization.'],
    [99991664, 'Invalid access token for authorization.'],
    [99991677, 'Authentication token expired.'],
  ])('fetches a fresh tenant token on %i and retries once', async (code, msg) => {
    const { server, im, client } = await setup();
    await send(client, 'one');
    server.fault({ path: '/open-apis/im/v1/messages', times: 1, respond: { status: 400, body: { code, msg } } });
    await send(client, 'two');
    expect(im.messages.map((m) => JSON.parse(m.content).text)).toEqual(['one', 'two']);
    expect(server.requestsTo('/open-apis/im/v1/messages')).toHaveLength(3);
    expect(server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(2);
  });

  it('stops every further call once the monthly quota is exhausted', async () => {
    const { server, client } = await setup();
    server.fault({ path: '/open-apis/im/v1/messages', times: Infinity, respond: quotaExhausted() });
    const first = (await send(client).catch((e: unknown) => e)) as FeishuApiError;
    expect(first.code).toBe(99991403);
    expect(first.hint).toContain('本月');
    expect(client.quotaExhausted()).toBe(true);
    const before = server.requests.length;
    const second = (await send(client).catch((e: unknown) => e)) as FeishuApiError;
    expect(second.code).toBe(99991403);
    expect(server.requests.length).toBe(before);
  });

  it('reports a wrong app secret once, naming the setting, without retrying', async () => {
    const { server } = await setup();
    const clock = virtualClock();
    const client = createFeishuClient({ appId: server.appId, appSecret: 'not-the-secret-000', domain: server.url, logger: silentLogger, sleep: clock.sleep, now: clock.now });
    const error = (await send(client).catch((e: unknown) => e)) as FeishuApiError;
    expect(error.code).toBe(10014);
    expect(error.hint).toContain('FEISHU_APP_SECRET');
    expect(server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps a token cache per client, so two servers with the same appId do not share tokens', async () => {
    const a = await setup();
    const b = await setup();
    await send(a.client);
    await send(b.client);
    expect(a.server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(1);
    expect(b.server.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(1);
  });

  it('limits one chat to 5 messages per second', async () => {
    const { im, clock, client } = await setup();
    await Promise.all(Array.from({ length: 12 }, (_, i) => send(client, `m${i}`)));
    expect(im.messages).toHaveLength(12);
    // 5 go at once, the other 7 wait for refills at 5/s: at least 1.4 s of virtual time.
    expect(clock.sleeps).toEqual(Array.from({ length: 7 }, () => 200));
    expect(im.messages.map((m) => JSON.parse(m.content).text)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
  });

  it('never logs the tenant token or the app secret, even for failing calls', async () => {
    const { logger, text } = capturedLogger();
    const { server, client } = await setup(logger);
    await send(client);
    server.fault({ path: '/open-apis/im/v1/messages', times: Infinity, respond: serverError() });
    await send(client).catch(() => undefined);
    server.expireTokens();
    server.clearFaults();
    server.fault({ path: '/open-apis/auth/v3/tenant_access_token/internal', times: Infinity, respond: 'drop' });
    await send(client).catch(() => undefined);
    const log = text();
    expect(log).toContain('feishu call failed');
    expect(log).not.toContain('t-loopback');
    expect(log).not.toContain(server.appSecret);
  });
});
