import { afterEach, describe, expect, it } from 'vitest';
import { getBotInfo, listChats } from '../../src/feishu/chats.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { silentLogger } from '../../src/log/logger.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { closeLoopbacks } from '../support/feishu/harness.js';

const servers: FeishuLoopback[] = [];
afterEach(() => closeLoopbacks(servers));

describe('listChats and getBotInfo', () => {
  it('lists every chat across pages and reads the bot identity', async () => {
    const chats = Array.from({ length: 230 }, (_, i) => ({ chat_id: `oc_chat${String(i).padStart(4, '0')}`, name: `工作群 ${i}` }));
    const im = createImRoutes({ chats, bot: { open_id: 'ou_bot00000001', app_name: '督办助手' } });
    const server = await startFeishuLoopback({ routes: im.routes });
    servers.push(server);
    const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger });
    expect(await listChats(client)).toEqual(chats);
    expect(server.requestsTo('/open-apis/im/v1/chats')).toHaveLength(3);
    expect(await getBotInfo(client)).toEqual({ openId: 'ou_bot00000001', appName: '督办助手' });
  });
});

describe('listChats answer variants', () => {
  it('reads an empty chat list answered with items null and no page_token', async () => {
    const server = await startFeishuLoopback({ routes: createImRoutes({ chats: [], emptyItemsNull: true }).routes });
    servers.push(server);
    const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger });
    expect(await listChats(client)).toEqual([]);
    expect(server.requestsTo('/open-apis/im/v1/chats')).toHaveLength(1);
  });
});
