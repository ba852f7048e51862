/**
 * End to end: SIGTERM to `duban serve` (a real process on the loopback Feishu server) during the start-up catch-up and
 * with chat answers in flight. It exits 0, and what was in flight is finished first: the digest card being sent is
 * recorded as sent, every acknowledged question gets its reply, and a liaison's update is written to the ledger.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/calendar/dates.js';
import { openStore } from '../../src/store/open-store.js';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { textMessageEvent } from '../support/feishu/events.js';
import { closeLoopbacks } from '../support/feishu/harness.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection, type LongConnectionEndpoint } from '../support/feishu/ws.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'sheets-templates', 'example');
const LEADERS = 'oc_leaders000000000000000000000001';
const GROUP = 'oc_3c9b4298b063a3af7b50d18f3192a938';
const BOT = 'ou_loopbackbot0001';
const TRANSPORT_LIAISON = 'ou_783262aac047f8ad6b214730e2e19f2c';
const servers: FeishuLoopback[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await closeLoopbacks(servers);
});

interface Serving {
  server: FeishuLoopback;
  im: ImState;
  ws: LongConnectionEndpoint;
  dir: string;
  child: ChildProcess;
  exit: Promise<number | null>;
  stderr: () => string;
}

/**
 * Starts `duban serve` in a fresh folder on a copy of the example ledger. Its day is a working day with a send window
 * of the whole day; `digestAt` is the digest's cron time (the other jobs come at 23:5x, not yet due).
 */
async function serve(digestAt: string): Promise<Serving> {
  const im = createImRoutes({ chats: [{ chat_id: LEADERS, name: '领导群' }, { chat_id: GROUP, name: '交通工作群' }], bot: { open_id: BOT, app_name: 'duban' } });
  const server = await startFeishuLoopback({ routes: [...im.routes, ...createContactRoutes({ mobiles: { '13800230101': 'ou_zhaogang0000000000000000000001' } })] });
  servers.push(server);
  const ws = attachLongConnection(server);
  const dir = mkdtempSync(join(tmpdir(), 'duban-sigterm-'));
  copyFileSync(join(example, 'tasks.csv'), join(dir, 'tasks.csv'));
  copyFileSync(join(example, 'units.csv'), join(dir, 'units.csv'));
  const today = todayIn('Asia/Shanghai');
  const config = {
    sheet: 'tasks.csv', units: 'units.csv', dataDir: 'state',
    chats: { leaders: LEADERS, allow: [GROUP] },
    sendWindow: { start: '00:00', end: '24:00' },
    schedule: { digest: digestAt, remind: '59 23 * * *', weekly: '58 23 * * 5' },
    calendar: { workdays: [today] },
  };
  writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
  const child = spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'serve', '--config', join(dir, 'duban.yaml')], {
    cwd: dir,
    env: { PATH: process.env.PATH, FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url, NO_PROXY: '127.0.0.1,localhost', DUBAN_LOG_LEVEL: 'warn' },
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { server, im, ws, dir, child, exit, stderr: () => stderr };
}

async function until(check: () => boolean, what: string, serving: Serving, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; service stderr:\n${serving.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGTERM to duban serve', () => {
  it('during the start-up catch-up: the digest card in flight is sent and recorded, exit 0', async () => {
    // 00:00 has passed (whatever the hour of the test): the digest is caught up at start; its send takes 2 s.
    const serving = await serve('0 0 * * *');
    const { server, im, dir, child } = serving;
    server.fault({ method: 'POST', path: '/open-apis/im/v1/messages', times: 1, respond: { delayMs: 2000 } });
    await until(() => server.requestsTo('/open-apis/im/v1/messages', 'POST').length === 1, 'the digest send', serving);
    child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(im.inChat(LEADERS).map((m) => JSON.parse(m.content).header.title.content)).toEqual([`督办日报 · ${todayIn('Asia/Shanghai')}`]);
    const store = await openStore(join(dir, 'state'));
    try {
      const [message] = await store.messages('digest', todayIn('Asia/Shanghai'));
      expect(message).toMatchObject({ outcome: 'sent', messageId: im.inChat(LEADERS)[0].message_id });
      expect((await store.getRun('digest', todayIn('Asia/Shanghai')))?.status).toBe('done');
    } finally {
      await store.close();
    }
  }, 40_000);

  it('with chat answers in flight: every acknowledged question is answered and the update written, exit 0', async () => {
    const serving = await serve('57 23 * * *');
    const { server, im, ws, dir, child } = serving;
    await ws.waitForClient(20_000);
    server.fault({ method: 'POST', path: /\/reply$/, times: Infinity, respond: { delayMs: 1500 } });
    const questions = ['交通局负责哪些任务', '哪些任务逾期了', '本周到期', '任务 6', '总体进展'];
    const asked = questions.map((text, i) => ({ id: `om_sigterm${String(i).padStart(6, '0')}`, text, sender: 'ou_someone000000000000000000000001' }));
    asked.push({ id: 'om_sigterm_update', text: '更新 1 进度 90% 备注：宣传牌已全部更换', sender: TRANSPORT_LIAISON });
    const acks = await Promise.all(asked.map(({ id, text, sender }) =>
      ws.push(im.userMessage(textMessageEvent({ messageId: id, chatId: GROUP, text: `@_user_1 ${text}`, senderOpenId: sender, appId: server.appId, mentions: [{ key: '@_user_1', openId: BOT, name: 'duban' }] }))),
    ));
    expect(acks).toEqual(asked.map(() => 200));
    // Acknowledged, so Feishu will not deliver them again: the stop must wait for the answers.
    child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(asked.map(({ id }) => im.repliesTo(id).length)).toEqual(asked.map(() => 1));
    expect(im.repliesTo('om_sigterm_update')[0].content).toContain('已更新任务 1');
    expect(readFileSync(join(dir, 'tasks.csv'), 'utf8')).toContain('宣传牌已全部更换');
  }, 40_000);
});
