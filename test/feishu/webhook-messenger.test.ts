import { afterEach, describe, expect, it } from 'vitest';
import { WebhookMessenger } from '../../src/feishu/webhook-messenger.js';
import { webhookSign } from '../../src/feishu/webhook-sign.js';
import type { Card } from '../../src/render/card.js';
import { silentLogger } from '../../src/log/logger.js';
import { capturedLogger, closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { createWebhookRoutes } from '../support/feishu/webhook-routes.js';

const servers: FeishuLoopback[] = [];
afterEach(() => closeLoopbacks(servers));

const card: Card = { schema: '2.0', header: { title: { tag: 'plain_text', content: '逾期提醒' }, template: 'red' }, body: { elements: [{ tag: 'markdown', content: '<at id=ou_liaison0001></at> 任务 3 已逾期' }] } };
const SECRET = 'hook-signing-secret-01';

async function setup() {
  const hooks = createWebhookRoutes({ 'hook-token-signed': SECRET, 'hook-token-plain': null });
  const server = await startFeishuLoopback({ routes: hooks.routes });
  servers.push(server);
  return { server, hooks, hookUrl: (token: string) => `${server.url}/open-apis/bot/v2/hook/${token}` };
}

describe('webhookSign', () => {
  it('matches the documented test vector (secret "demo", timestamp 1599360473)', () => {
    expect(webhookSign(1599360473, 'demo')).toBe('l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=');
  });
});

describe('WebhookMessenger', () => {
  it('posts a signed interactive card that the hook accepts', async () => {
    const { hooks, hookUrl } = await setup();
    const messenger = new WebhookMessenger({ url: hookUrl('hook-token-signed'), secret: SECRET, logger: silentLogger });
    const result = await messenger.send({ chat: 'oc_transport0001', card, key: 'remind|2026-03-02|oc_transport0001' });
    expect(result).toEqual({ ok: true, messageId: null, error: null });
    expect(hooks.received.get('hook-token-signed')).toEqual([card]);
  });

  it('maps a signature mismatch (19021) to a hint and keeps the secret and hook token out of logs', async () => {
    const { hookUrl } = await setup();
    const { logger, text } = capturedLogger();
    const messenger = new WebhookMessenger({ url: hookUrl('hook-token-signed'), secret: 'wrong-secret-123', logger });
    const result = await messenger.send({ chat: 'oc_transport0001', card, key: 'k' });
    expect(result.error).toMatchObject({ code: 19021 });
    expect(result.error?.hint).toContain('签名');
    expect(text()).toContain('webhook card not sent');
    expect(text()).not.toContain('wrong-secret-123');
    expect(text()).not.toContain('hook-token-signed');
  });

  it('refuses a card over 20 KB locally without calling the hook', async () => {
    const { server, hookUrl } = await setup();
    const messenger = new WebhookMessenger({ url: hookUrl('hook-token-plain'), logger: silentLogger });
    const big: Card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: 'x'.repeat(21 * 1024) }] } };
    const result = await messenger.send({ chat: 'oc_x', card: big, key: 'k' });
    expect(result.error?.code).toBe('card_too_large');
    expect(result.error?.hint).toContain('20 KB');
    expect(server.requestsTo(/hook/)).toHaveLength(0);
  });

  it('keeps to 5 messages per second and 100 per minute, retrying 11232', async () => {
    const { server, hooks, hookUrl } = await setup();
    const start = Date.now();
    const clock = virtualClock(start);
    server.fault({ path: /hook/, times: 1, respond: { body: { code: 11232, msg: 'frequency limited' } } });
    const messenger = new WebhookMessenger({ url: hookUrl('hook-token-plain'), logger: silentLogger, sleep: clock.sleep, now: clock.now, random: () => 0 });
    const results = await Promise.all(Array.from({ length: 110 }, (_, i) => messenger.send({ chat: 'oc_x', card, key: `k${i}` })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(hooks.received.get('hook-token-plain')).toHaveLength(110);
    // 5 a second: the 105 after the first burst take 21 s (which also keeps them under 100 a minute), and the
    // message refused with 11232 waits 1 s more before its retry.
    expect(clock.now() - start).toBe(22_000);
  });
});
