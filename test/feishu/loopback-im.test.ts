import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuClient, type FeishuClient } from '../../src/feishu/feishu-client.js';
import type { FeishuApiError } from '../../src/feishu/feishu-api.js';
import { silentLogger } from '../../src/log/logger.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

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
