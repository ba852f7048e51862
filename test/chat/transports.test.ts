import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/chat/bot.js';
import { createHttpReceiver } from '../../src/chat/receivers/http-receiver.js';
import { createLongConnectionReceiver, type LongConnectionOptions } from '../../src/chat/receivers/long-connection.js';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { getBotInfo } from '../../src/feishu/chats.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import type { Card } from '../../src/render/card.js';
import { silentLogger } from '../../src/log/logger.js';
import { deliverEvent, textMessageEvent } from '../support/feishu/events.js';
import { capturedLogger, expectNoUnexpectedCalls } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback } from '../support/feishu/server.js';
import { inMemoryEvents } from '../support/in-memory-events.js';
import { attachLongConnection } from '../support/feishu/ws.js';

const BOT = 'ou_bot00000001';
const GROUP = 'oc_transport0001';
const ENCRYPT_KEY = 'loopback-encrypt-key-01';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function feishu() {
  const im = createImRoutes({ chats: [{ chat_id: GROUP, name: '交通局工作群' }], bot: { open_id: BOT, app_name: '督办助手' } });
  const server = await startFeishuLoopback({ routes: im.routes });
  cleanups.push(() => server.close());
  // Runs before the close (cleanups run in reverse): the bot and the SDK called nothing Feishu would refuse.
  cleanups.push(() => expectNoUnexpectedCalls(server));
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger });
  const messenger = new FeishuAppMessenger(client, silentLogger);
  const { openId } = await getBotInfo(client);
  const bot = createBot({
    botOpenId: openId,
    logger: silentLogger,
    answer: async (question): Promise<Card> => ({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: `问：${question}` }] } }),
    replier: (messageId, card, key) => messenger.replyCard(messageId, card, key),
    recordEvent: inMemoryEvents(),
  });
  return { im, server, bot };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const question = (messageId: string, text: string) =>
  textMessageEvent({ messageId, chatId: GROUP, text: `@_user_1 ${text}`, mentions: [{ key: '@_user_1', openId: BOT, name: '督办助手' }] });

const replyText = (server: { repliesTo(id: string): { content: string }[] }, id: string) =>
  server.repliesTo(id).map((m) => JSON.parse(m.content).body.elements[0].content as string);

/** A started long-connection receiver, stopped after the test. */
async function longConnection(options: LongConnectionOptions) {
  const receiver = createLongConnectionReceiver(options);
  await receiver.start();
  cleanups.push(() => receiver.stop());
  return receiver;
}

describe('long connection', () => {
  it('answers a question pushed over the long connection, also after the socket drops', async () => {
    const { im, server, bot } = await feishu();
    const endpoint = attachLongConnection(server);
    const connection = await longConnection({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, handle: bot.handle, pingTimeoutSeconds: 30 });
    expect(await endpoint.push(im.userMessage(question('om_ws000001', '交通局负责哪些任务')))).toBe(200);
    await until(() => (im.repliesTo('om_ws000001').length ? true : undefined));
    expect(replyText(im, 'om_ws000001')).toEqual(['问：交通局负责哪些任务']);
    expect(connection.status().state).toBe('connected');
    expect(connection.state()).toBe('connected');

    endpoint.dropAll();
    await until(() => (connection.status().state === 'connected' && endpoint.connections === 2 && endpoint.clients === 1 ? true : undefined));
    expect(await endpoint.push(im.userMessage(question('om_ws000002', '哪些任务逾期了')))).toBe(200);
    await until(() => (im.repliesTo('om_ws000002').length ? true : undefined));
    expect(replyText(im, 'om_ws000002')).toEqual(['问：哪些任务逾期了']);
  });
  it('reconnects when the socket goes silent, thanks to the ping timeout', async () => {
    const { server, bot } = await feishu();
    const endpoint = attachLongConnection(server, 1);
    await longConnection({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, handle: bot.handle, pingTimeoutSeconds: 1 });
    await endpoint.waitForClient();
    endpoint.mute();
    await until(() => (endpoint.connections >= 2 ? true : undefined), 15000);
    expect(server.requestsTo('/callback/ws/endpoint').length).toBeGreaterThanOrEqual(2);
  });

  it('gives up with a logged hint when the long-connection endpoint refuses the credentials', async () => {
    const { server, bot } = await feishu();
    attachLongConnection(server);
    const { logger, text } = capturedLogger();
    const connection = await longConnection({ appId: server.appId, appSecret: 'wrong-secret-0000', domain: server.url, logger, handle: bot.handle });
    await until(() => (connection.status().state === 'failed' ? true : undefined));
    expect(connection.state()).toBe('disconnected');
    expect(text()).toContain('FEISHU_APP_SECRET');
    expect(text()).not.toContain('wrong-secret-0000');
  });
});

describe('HTTP callback receiver', () => {
  async function callback(handle: (event: unknown) => Promise<unknown>, logger = silentLogger) {
    const receiver = createHttpReceiver({ encryptKey: ENCRYPT_KEY, verificationToken: 'loopback-verification-token', handle, logger, port: 0, host: '127.0.0.1', path: '/feishu/events' });
    await receiver.start();
    cleanups.push(() => receiver.stop());
    return `http://127.0.0.1:${receiver.port()}/feishu/events`;
  }

  it('listens on its own port, answers 404 beside its path, and releases the port on stop', async () => {
    const receiver = createHttpReceiver({ handle: async () => undefined, logger: silentLogger, port: 0, host: '127.0.0.1', path: '/feishu/events' });
    expect([receiver.port(), receiver.state()]).toEqual([null, 'disconnected']);
    await receiver.start();
    const port = receiver.port();
    expect(receiver.state()).toBe('connected');
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/feishu/events`)).status).toBe(404);
    await receiver.stop();
    expect(receiver.state()).toBe('disconnected');
    await expect(fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('rejects start when its port is taken', async () => {
    const first = createHttpReceiver({ handle: async () => undefined, logger: silentLogger, port: 0, host: '127.0.0.1', path: '/e' });
    await first.start();
    cleanups.push(() => first.stop());
    const second = createHttpReceiver({ handle: async () => undefined, logger: silentLogger, port: first.port()!, host: '127.0.0.1', path: '/e' });
    await expect(second.start()).rejects.toThrow('EADDRINUSE');
  });

  it('answers an encrypted, signed question in a reply', async () => {
    const { im, bot } = await feishu();
    const url = await callback(bot.handle);
    const response = await deliverEvent(url, im.userMessage(question('om_http0001', '本周到期')), { encryptKey: ENCRYPT_KEY });
    expect(response.status).toBe(200);
    await until(() => (im.repliesTo('om_http0001').length ? true : undefined));
    expect(replyText(im, 'om_http0001')).toEqual(['问：本周到期']);
  });

  it('refuses a forged signature and a replayed old timestamp without dispatching', async () => {
    const seen: unknown[] = [];
    const { logger, text } = capturedLogger();
    const url = await callback(async (event) => void seen.push(event), logger);
    const forged = await deliverEvent(url, question('om_http0002', '任务 6 进展'), { encryptKey: ENCRYPT_KEY, signWith: 'not-the-real-key' });
    const old = Math.floor(Date.now() / 1000) - 600;
    const replayed = await deliverEvent(url, question('om_http0003', '任务 6 进展'), { encryptKey: ENCRYPT_KEY, timestamp: old });
    const unsigned = await fetch(url, { method: 'POST', body: JSON.stringify(question('om_http0004', 'x')) });
    expect([forged.status, replayed.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(seen).toEqual([]);
    expect(text()).toContain('signature mismatch');
    expect(text()).toContain('replay');
    expect(text()).not.toContain(ENCRYPT_KEY);
  });

  it('answers url_verification (encrypted) with the challenge', async () => {
    const url = await callback(async () => undefined);
    const response = await deliverEvent(url, { challenge: 'ajls384kdjx98XX', token: 'loopback-verification-token', type: 'url_verification' }, { encryptKey: ENCRYPT_KEY });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: 'ajls384kdjx98XX' });
  });

  it('refuses a body over 1 MB, and logs a client that hangs up mid-body as a refusal, not an internal error', async () => {
    const { logger, text } = capturedLogger();
    const url = await callback(async () => undefined, logger);
    expect((await fetch(url, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(413);
    const { port } = new URL(url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /feishu/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"a":');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await until(() => (text().includes('request aborted') ? true : undefined));
    expect(text()).not.toContain('callback failed');
    expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('answers 400 to garbage and stays up when the handler throws', async () => {
    const url = await callback(async () => {
      throw new Error('boom');
    });
    expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await deliverEvent(url, question('om_http0005', 'x'), { encryptKey: ENCRYPT_KEY })).status).toBe(200);
    expect((await deliverEvent(url, question('om_http0006', 'y'), { encryptKey: ENCRYPT_KEY })).status).toBe(200);
  });
});
