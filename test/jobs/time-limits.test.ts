/**
 * Time limits: a Feishu endpoint that accepts connections and never answers costs a few timeouts, not one per chat
 * (the circuit opens and the rest is recorded as failed); a run past its time limit records the rest as failed; and in
 * the scheduler a run stuck on one chat holds up neither the other jobs nor the next tick.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { zonedInstant } from '../../src/calendar/zoned-time.js';
import { configSchema } from '../../src/config/schema.js';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { jitterMinutes } from '../../src/jobs/schedule.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { closeLoopbacks } from '../support/feishu/harness.js';
import { createImRoutes } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { runDuban } from '../support/run-cli.js';

const example = join(fileURLToPath(new URL('../..', import.meta.url)), 'sheets-templates', 'example');
const OFFICE = 'oc_000000000000000000000000000office';
const servers: FeishuLoopback[] = [];
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await closeLoopbacks(servers);
});

async function store(): Promise<Store> {
  const opening = await openStore(mkdtempSync(join(tmpdir(), 'duban-limits-')));
  opened.push(opening);
  return opening;
}

const message = (chat: string): OutgoingMessage => ({ chat, key: `remind|2022-06-27|${chat}`, card: { chat } });

describe('a Feishu endpoint that accepts and never answers', () => {
  it('remind --send stops after three calls without an answer and records every chat as failed (exit 4)', async () => {
    const im = createImRoutes({ chats: [{ chat_id: OFFICE, name: '办公室' }] });
    const server = await startFeishuLoopback({ routes: [...im.routes, ...createContactRoutes({ mobiles: { '13800230101': 'ou_zhaogang0000000000000000000001' } })] });
    servers.push(server);
    server.fault({ method: 'POST', path: '/open-apis/im/v1/messages', times: Infinity, respond: 'hang' });
    const cwd = mkdtempSync(join(tmpdir(), 'duban-hang-'));
    const config = { sheet: join(example, 'tasks.csv'), units: join(example, 'units.csv'), chats: { office: OFFICE }, feishu: { timeoutSeconds: 1 }, dataDir: 'state' };
    writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify(config));
    const env = { DUBAN_CONFIG: join(cwd, 'duban.yaml'), FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url };

    const run = await runDuban(['remind', '--send', '--today', '2022-06-27'], { cwd, env });
    expect(run.code).toBe(4);
    // Four chats have reminders that day; three calls went unanswered and the circuit opened: no fourth call was made.
    expect(server.requestsTo('/open-apis/im/v1/messages', 'POST')).toHaveLength(3);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('✗'))).toHaveLength(4);
    const history = (await runDuban(['history', '--json'], { cwd, env })).json<{ records: { outcome: string }[] }>().records;
    expect(new Set(history.map((r) => r.outcome))).toEqual(new Set(['failed']));
  }, 60_000);
});

describe('runJob limits', () => {
  it('records the messages left when the run passes its time limit as failed, unsent', async () => {
    const clock = fixedClock('2022-06-27T01:30:00Z');
    const sent: string[] = [];
    // Each send takes four minutes: after three, the 10-minute limit has passed.
    const slow: Messenger = {
      send: async (m): Promise<DeliveryResult> => {
        clock.advance(4 * 60_000);
        sent.push(m.chat);
        return { ok: true, messageId: `om_${sent.length}`, error: null };
      },
    };
    const chats = ['oc_1', 'oc_2', 'oc_3', 'oc_4', 'oc_5'];
    const db = await store();
    const outcome = await runJob({ store: db, messenger: slow, clock, job: 'remind', date: '2022-06-27', build: () => ({ messages: chats.map(message) }) });
    expect(outcome).toMatchObject({ status: 'failed', sent: 3, failed: 2 });
    expect(sent).toEqual(['oc_1', 'oc_2', 'oc_3']);
    expect((await db.messages('remind', '2022-06-27')).map((m) => m.error)).toEqual([
      null, null, null, "not sent: the run's time limit (10 min) was reached", "not sent: the run's time limit (10 min) was reached",
    ]);
  });

  it('after three messages in a row without an answer, records the rest as failed without sending them', async () => {
    const tries: string[] = [];
    const silent: Messenger = {
      send: async (m) => {
        tries.push(m.chat);
        return { ok: false, messageId: null, error: { code: 'network', message: 'timeout', hint: '无法连接飞书开放平台' } };
      },
    };
    const db = await store();
    const outcome = await runJob({ store: db, messenger: silent, clock: fixedClock('2022-06-27T01:30:00Z'), job: 'remind', date: '2022-06-27', build: () => ({ messages: ['oc_1', 'oc_2', 'oc_3', 'oc_4', 'oc_5'].map(message) }) });
    expect(outcome).toMatchObject({ status: 'failed', sent: 0, failed: 5 });
    expect(tries).toEqual(['oc_1', 'oc_2', 'oc_3']);
  });
});

describe('the scheduler with a stuck run', () => {
  it('sends the other job while one waits on a chat that does not answer', async () => {
    const db = await store();
    const date = '2026-03-02';
    const clock = fixedClock(zonedInstant(date, '10:00', 'Asia/Shanghai'));
    let release: (result: DeliveryResult) => void = () => {};
    const posted: string[] = [];
    const messenger: Messenger = {
      send: (m) => {
        if (m.chat === 'oc_stuck') return new Promise((resolve) => (release = resolve));
        posted.push(m.chat);
        return Promise.resolve({ ok: true, messageId: `om_${posted.length}`, error: null });
      },
    };
    const scheduler = createScheduler({
      config: configSchema.parse({ sheet: 'tasks.csv' }),
      calendar: createWorkCalendar(),
      store: db,
      messenger,
      clock,
      jobs: {
        digest: () => ({ messages: [{ chat: 'oc_stuck', key: `digest|${date}|oc_stuck`, card: {} }] }),
        remind: () => ({ messages: [{ chat: 'oc_work', key: `remind|${date}|oc_work`, card: {} }] }),
        weekly: () => ({ messages: [] }),
      },
      officeMessage: () => null,
    });
    expect(jitterMinutes('remind', date)).toBeLessThan(30);
    const first = scheduler.tick();
    await vi.waitFor(async () => expect((await db.getRun('remind', date))?.status).toBe('done'));
    expect(posted).toEqual(['oc_work']);
    expect((await db.getRun('digest', date))?.status).toBe('started');
    // A later tick while the digest is still stuck does not start it again.
    expect(await scheduler.tick()).toEqual([]);
    release({ ok: true, messageId: 'om_late', error: null });
    expect((await first).map((o) => [o.job, o.status])).toEqual([['digest', 'done'], ['remind', 'done']]);
    await scheduler.stop();
  });
});
