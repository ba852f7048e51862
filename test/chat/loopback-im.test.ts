import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuClient, type FeishuClient } from '../../src/chat/feishu/feishu-client.js';
import type { FeishuApiError } from '../../src/chat/feishu/feishu-api.js';
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

describe('loopback IM routes reject what Feishu rejects (through the real SDK)', () => {
  it('refuses content that is not a JSON string, cards over 30 KB or 200 elements, and malformed <at>', async () => {
    const api = await client();
    expect(await post(api, { schema: '2.0', body: { elements: [] } })).toBe(230001);
    expect(await post(api, JSON.stringify({ body: { elements: [markdown('x'.repeat(31 * 1024))] } }))).toBe(230025);
    expect(await post(api, JSON.stringify({ body: { elements: Array.from({ length: 201 }, () => markdown('x')) } }))).toBe(230099);
    expect(await post(api, JSON.stringify({ body: { elements: [markdown('<at id=ou_abc>')] } }))).toBe(230099);
    expect(await post(api, JSON.stringify({ body: { elements: [markdown('<at id=ou_abc></at> <at id=all></at> <at email=li@tn.gov.cn></at>')] } }))).toBe(0);
  });
});
