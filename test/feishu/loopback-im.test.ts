import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FeishuAppMessenger } from '../../src/feishu/app-messenger.js';
import { createFeishuClient, type FeishuClient } from '../../src/feishu/feishu-client.js';
import type { FeishuApiError } from '../../src/feishu/feishu-api.js';
import { silentLogger } from '../../src/log/logger.js';
import { textMessageEvent } from '../support/feishu/events.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection } from '../support/feishu/ws.js';

const CHAT = 'oc_group0001';
const servers: FeishuLoopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function client(): Promise<FeishuClient> {
  const server = await startFeishuLoopback({ routes: createImRoutes({ chats: [{ chat_id: CHAT, name: 'g' }] }).routes });
  servers.push(server);
  return createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger });
}

const post = (api: FeishuClient, content: unknown) =>
  api
    .call({ method: 'POST', url: '/open-apis/im/v1/messages', params: { receive_id_type: 'chat_id' }, data: { receive_id: CHAT, msg_type: 'interactive', content } })
    .then(() => 0, (e: FeishuApiError) => e.code);

const markdown = (content: string) => ({ tag: 'markdown', content });
const card = (elements: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ schema: '2.0', ...extra, body: { elements } });
const table = (columns: unknown[], more: Record<string, unknown> = {}) => ({ tag: 'table', columns, rows: [], ...more });

describe('loopback IM routes reject what Feishu rejects (through the real SDK)', () => {
  it('refuses content that is not a JSON string, cards over 30 KB or 200 elements, and malformed <at>', async () => {
    const api = await client();
    expect(await post(api, { schema: '2.0', body: { elements: [] } })).toBe(230001);
    expect(await post(api, card([markdown('x'.repeat(31 * 1024))]))).toBe(230025);
    expect(await post(api, card(Array.from({ length: 201 }, () => markdown('x'))))).toBe(230099);
    expect(await post(api, card([markdown('<at id=ou_abc>')]))).toBe(230099);
    expect(await post(api, card([markdown('<at id=ou_abc></at> <at id=all></at> <at email=li@tn.gov.cn></at>')]))).toBe(0);
  });

  it('refuses cards that break the JSON 2.0 rules: schema, header colour, element_id, table fields, font colours', async () => {
    const api = await client();
    const col = { name: 'task', display_name: '任务', data_type: 'text' };
    expect(await post(api, JSON.stringify({ body: { elements: [markdown('x')] } }))).toBe(230099);
    expect(await post(api, card([markdown('x')], { header: { title: { tag: 'plain_text', content: 't' }, template: 'pink' } }))).toBe(230099);
    expect(await post(api, card([markdown('x')], { config: { update_multi: false } }))).toBe(230099);
    for (const id of ['1list', 'list-1', 'a_very_long_element_id_1', '列表']) expect(await post(api, card([{ ...markdown('x'), element_id: id }]))).toBe(230099);
    expect(await post(api, card([{ ...markdown('x'), element_id: 'a1' }, { ...markdown('y'), element_id: 'a1' }]))).toBe(230099);
    expect(await post(api, card([table([{ ...col, data_type: 'string' }])]))).toBe(230099);
    expect(await post(api, card([table([{ display_name: '任务', data_type: 'text' }])]))).toBe(230099);
    expect(await post(api, card([table([col], { page_size: 20 })]))).toBe(230099);
    expect(await post(api, card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [table([col])] }] }]))).toBe(230099);
    expect(await post(api, card(Array.from({ length: 6 }, () => table([col]))))).toBe(230099);
    expect(await post(api, card([markdown("<font color='#ff0000'>x</font>")]))).toBe(230099);
    const good = card(
      [{ ...markdown("<font color='red'>逾期</font> <font color=grey>x</font>"), element_id: 'list1' }, { ...table([col], { page_size: 10 }), element_id: 'table_1' }],
      { header: { title: { tag: 'plain_text', content: 't' }, template: 'orange' }, config: { update_multi: true } },
    );
    expect(await post(api, good)).toBe(0);
  });
});

describe('the loopback refuses what Feishu refuses, and records calls Feishu would not serve', () => {
  async function loopback() {
    const im = createImRoutes({ chats: [{ chat_id: CHAT, name: 'g' }] });
    const server = await startFeishuLoopback({ routes: im.routes });
    servers.push(server);
    const api = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, maxRetries: 0 });
    return { im, server, api, messenger: new FeishuAppMessenger(api, silentLogger) };
  }
  const reply = { schema: '2.0', body: { elements: [markdown('答')] } };

  it('answers a reply to a message the chat does not hold with 230011, and replies to a user message it was told of', async () => {
    const { im, server, messenger } = await loopback();
    const unknown = await messenger.replyCard('om_nosuchmessage0001', reply, 'answer|om_nosuchmessage0001');
    expect(unknown.error).toMatchObject({ code: 230011, hint: '原消息已被撤回或删除，无法回复' });
    im.userMessage(textMessageEvent({ messageId: 'om_asked0001', chatId: CHAT, text: '本周到期' }));
    const answered = await messenger.replyCard('om_asked0001', reply, 'answer|om_asked0001');
    expect(answered.ok).toBe(true);
    expect(im.repliesTo('om_asked0001').map((m) => m.chat_id)).toEqual([CHAT]);
    expectNoUnexpectedCalls(server);
  });

  it('refuses a body that is not JSON (9499) and a path it does not serve (404), recording both', async () => {
    const { server, api } = await loopback();
    const token = (await (await fetch(`${server.url}/open-apis/auth/v3/tenant_access_token/internal`, { method: 'POST', body: JSON.stringify({ app_id: server.appId, app_secret: server.appSecret }) })).json()) as { tenant_access_token: string };
    const garbled = await fetch(`${server.url}/open-apis/im/v1/messages?receive_id_type=chat_id`, { method: 'POST', headers: { authorization: `Bearer ${token.tenant_access_token}` }, body: '{"receive_id": oc_' });
    expect([garbled.status, await garbled.json()]).toEqual([400, { code: 9499, msg: 'Bad Request: the body is not JSON' }]);
    const missing = await api.call({ method: 'GET', url: '/open-apis/im/v1/pins' }).catch((e: FeishuApiError) => e.httpStatus);
    expect(missing).toBe(404);
    expect(server.unexpected).toEqual([
      { method: 'POST', path: '/open-apis/im/v1/messages', reason: 'Bad Request: the body is not JSON' },
      { method: 'GET', path: '/open-apis/im/v1/pins', reason: 'loopback: no route for GET /open-apis/im/v1/pins' },
    ]);
    expect(() => expectNoUnexpectedCalls(server)).toThrow();
  });

  it('refuses a WebSocket to a path it does not serve, and to /ws without the ids the endpoint handed out', async () => {
    const { server } = await loopback();
    attachLongConnection(server);
    const status = (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => (socket.close(), resolve(101)));
        socket.on('error', () => undefined);
      });
    expect(await status('/websocket')).toBe(404);
    expect(await status('/ws?device_id=someone-else&service_id=7')).toBe(403);
    expect(await status('/ws?device_id=loopback-device&service_id=7')).toBe(101);
    expect(server.unexpected.map((u) => u.path)).toEqual(['/websocket', '/ws?device_id=someone-else&service_id=7']);
  });
});
