/**
 * End to end: `duban serve` as a real process on the Feishu long connection of the loopback server. Questions are
 * answered as replies, "我的任务" finds the asker's unit by open_id, a liaison's update is written back to the ledger,
 * /healthz reports the connection, and SIGTERM stops the service with exit code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { textMessageEvent } from '../support/feishu/events.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection, type LongConnectionEndpoint } from '../support/feishu/ws.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'sheets-templates', 'example');
const GROUP = 'oc_3c9b4298b063a3af7b50d18f3192a938';
const BOT = 'ou_loopbackbot0001';
const TRANSPORT_LIAISON = 'ou_783262aac047f8ad6b214730e2e19f2c';

let server: FeishuLoopback;
let im: ImState;
let ws: LongConnectionEndpoint;
let child: ChildProcess;
let dir: string;
let healthPort: number;
let stderr = '';
let counter = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; service stderr:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Pushes a group message @-mentioning the bot and resolves with the text of the bot's reply card. */
async function ask(text: string, senderOpenId = 'ou_someone000000000000000000000001'): Promise<string> {
  counter += 1;
  const messageId = `om_question${String(counter).padStart(6, '0')}`;
  const ack = await ws.push(
    im.userMessage(textMessageEvent({ messageId, chatId: GROUP, text: `@_user_1 ${text}`, senderOpenId, appId: server.appId, mentions: [{ key: '@_user_1', openId: BOT, name: 'duban' }] })),
  );
  expect(ack).toBe(200);
  const reply = await until(() => im.repliesTo(messageId)[0]);
  return reply.content;
}

beforeAll(async () => {
  im = createImRoutes({ chats: [{ chat_id: GROUP, name: '交通工作群' }], bot: { open_id: BOT, app_name: 'duban' } });
  // The example's directory holds an email and a mobile: the bot looks them up to know who is asking.
  const contacts = createContactRoutes({ mobiles: { '13800230101': 'ou_zhaogang0000000000000000000001' } });
  server = await startFeishuLoopback({ routes: [...im.routes, ...contacts] });
  ws = attachLongConnection(server);
  dir = mkdtempSync(join(tmpdir(), 'duban-serve-'));
  copyFileSync(join(example, 'tasks.csv'), join(dir, 'tasks.csv'));
  copyFileSync(join(example, 'units.csv'), join(dir, 'units.csv'));
  healthPort = await freePort();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'duban.yaml'), `sheet: ../tasks.csv\nunits: ../units.csv\nchats:\n  allow: [${GROUP}]\nhealth:\n  port: ${healthPort}\ndataDir: ../state\n`);
  child = spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH, FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url, NO_PROXY: '127.0.0.1,localhost', DUBAN_LOG_LEVEL: 'warn' },
  });
  child.stderr?.on('data', (c) => (stderr += c));
  await ws.waitForClient(15_000);
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await server.close();
});

describe('duban serve on the long connection', () => {
  it('answers a question @-mentioning the bot with a reply card', async () => {
    const content = await ask('交通局负责哪些任务');
    const card = JSON.parse(content);
    expect(card.schema).toBe('2.0');
    expect(content).toContain('区交通局');
    expect(content).toContain('**#1**');
  }, 20_000);

  it('answers "我的任务" with the tasks of the asker\'s own unit', async () => {
    const content = await ask('我的任务', TRANSPORT_LIAISON);
    expect(content).toContain('区交通局');
  }, 20_000);

  it('writes a liaison\'s update back to the ledger, and refuses one from another unit', async () => {
    const refused = await ask('更新 1 进度 90%', 'ou_someone000000000000000000000001');
    expect(refused).toContain('只有牵头单位');
    const accepted = await ask('更新 1 进度 90% 备注：宣传牌已全部更换', TRANSPORT_LIAISON);
    expect(accepted).toContain('已更新任务 1');
    const ledger = readFileSync(join(dir, 'tasks.csv'), 'utf8');
    expect(ledger).toContain('宣传牌已全部更换');
    expect(ledger).toContain('90%');
    // The service wrote the configured copy, never the bundled example.
    expect(readFileSync(join(example, 'tasks.csv'), 'utf8')).not.toContain('宣传牌已全部更换');
  }, 20_000);

  it('reports the long connection on /healthz', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    const body = (await response.json()) as { connection: string; mode: string };
    expect(body.connection).toBe('connected');
    expect(body.mode).toBe('feishu');
  }, 20_000);

  it('called nothing Feishu would refuse', () => {
    expectNoUnexpectedCalls(server);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});
