import { afterEach, describe, expect, it } from 'vitest';
import { createAccountResolver } from '../../src/feishu/account-resolver.js';
import { createFeishuClient } from '../../src/feishu/feishu-client.js';
import { silentLogger } from '../../src/log/logger.js';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { closeLoopbacks, virtualClock } from '../support/feishu/harness.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';

const servers: FeishuLoopback[] = [];
afterEach(() => closeLoopbacks(servers));

async function setup(directory: Parameters<typeof createContactRoutes>[0]) {
  const server = await startFeishuLoopback({ routes: createContactRoutes(directory) });
  servers.push(server);
  const clock = virtualClock();
  const client = createFeishuClient({ appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, sleep: clock.sleep, now: clock.now });
  return { server, resolver: createAccountResolver(client, silentLogger) };
}

const BATCH_PATH = '/open-apis/contact/v3/users/batch_get_id';

describe('createAccountResolver', () => {
  it('passes open_ids through and resolves emails and mobiles in one batched call, cached', async () => {
    const { server, resolver } = await setup({ emails: { 'li@tn.gov.cn': 'ou_li000001' }, mobiles: { '13800000001': 'ou_wang00001' } });
    const accounts = ['ou_zhang00001', 'Li@tn.gov.cn', '138 0000 0001', 'nobody@tn.gov.cn', '张三'];
    const resolved = await resolver.resolve(accounts);
    expect([...resolved.entries()]).toEqual([
      ['ou_zhang00001', 'ou_zhang00001'],
      ['Li@tn.gov.cn', 'ou_li000001'],
      ['138 0000 0001', 'ou_wang00001'],
      ['nobody@tn.gov.cn', null],
      ['张三', null],
    ]);
    expect(server.requestsTo(BATCH_PATH)).toHaveLength(1);
    expect(server.requestsTo(BATCH_PATH)[0].body).toEqual({ emails: ['li@tn.gov.cn', 'nobody@tn.gov.cn'], mobiles: ['13800000001'] });
    await resolver.resolve(accounts);
    expect(server.requestsTo(BATCH_PATH)).toHaveLength(1);
  });

  it('splits more than 50 emails into calls of at most 50', async () => {
    const emails = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`u${i}@tn.gov.cn`, `ou_u${i}`]));
    const { server, resolver } = await setup({ emails });
    const resolved = await resolver.resolve(Object.keys(emails));
    expect([...resolved.values()].every((v) => v !== null)).toBe(true);
    expect(server.requestsTo(BATCH_PATH).map((r) => r.body.emails.length)).toEqual([50, 50, 20]);
  });

  it('answers null for everything when the lookup is not permitted, and asks again next time', async () => {
    const { server, resolver } = await setup({});
    server.fault({ path: BATCH_PATH, times: 1, respond: { status: 400, body: { code: 99991672, msg: 'Access denied. One of the following scopes is required: [contact:user.id:readonly]' } } });
    expect([...(await resolver.resolve(['li@tn.gov.cn'])).values()]).toEqual([null]);
    await resolver.resolve(['li@tn.gov.cn']);
    expect(server.requestsTo(BATCH_PATH)).toHaveLength(2);
  });
});

describe('createAccountResolver request shape', () => {
  it('sends only the non-empty list, and a mainland mobile written with +86 as the plain number Feishu answers with', async () => {
    const { server, resolver } = await setup({ mobiles: { '13800000002': 'ou_zhao00001', '+85291234567': 'ou_hk000001' } });
    const resolved = await resolver.resolve(['+86 138-0000-0002', '+852 9123 4567']);
    expect([...resolved.values()]).toEqual(['ou_zhao00001', 'ou_hk000001']);
    expect(server.requestsTo(BATCH_PATH)[0].body).toEqual({ mobiles: ['13800000002', '+85291234567'] });
    expect(server.requestsTo(BATCH_PATH)[0].query).toEqual({ user_id_type: 'open_id' });
  });
});
