/**
 * End to end: the real `duban` process (dist/) and the real Feishu SDK against the loopback Feishu server.
 * A reminder run killed while Feishu holds one of its messages, then run again, posts every card exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { openStore } from '../../src/store/open-store.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const example = join(root, 'sheets-templates', 'example');
const CHATS = {
  leaders: 'oc_00000000000000000000000000leader',
  office: 'oc_000000000000000000000000000office',
  default: 'oc_0000000000000000000000000default',
};
const UNIT_CHATS = [
  'oc_3c9b4298b063a3af7b50d18f3192a938',
  'oc_84c1b4581880cf7f52e8fb5bc0b6a468',
  'oc_688440730c8f3b7c31a6fe9e03025d8d',
  'oc_79ee52c073a36be8b51f616fcbe01d13',
];
const MESSAGES = '/open-apis/im/v1/messages';

let server: FeishuLoopback;
let im: ImState;
let dir: string;

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    FEISHU_APP_ID: server.appId,
    FEISHU_APP_SECRET: server.appSecret,
    FEISHU_DOMAIN: server.url,
    NO_PROXY: '127.0.0.1,localhost',
    DUBAN_LOG_LEVEL: 'error',
  };
}

function duban(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; kill: () => void } {
  const child = spawn(process.execPath, [cli, ...args, '--config', join(dir, 'duban.yaml')], { cwd: dir, env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { done, kill: () => child.kill('SIGKILL') };
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the loopback server');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  im = createImRoutes({ chats: [...Object.values(CHATS), ...UNIT_CHATS].map((chat_id) => ({ chat_id, name: chat_id })) });
  server = await startFeishuLoopback({
    routes: [...im.routes, ...createContactRoutes({ emails: { 'majun@sfj.example.gov.cn': 'ou_majun000000000000000000000001' }, mobiles: { '13800230101': 'ou_zhaogang0000000000000000000001' } })],
  });
  dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  writeFileSync(
    join(dir, 'duban.yaml'),
    [
      `sheet: ${join(example, 'tasks.csv')}`,
      `units: ${join(example, 'units.csv')}`,
      'chats:',
      ...Object.entries(CHATS).map(([k, v]) => `  ${k}: ${v}`),
      `dataDir: ${join(dir, 'state')}`,
      '',
    ].join('\n'),
  );
});

afterEach(async () => {
  await server.close();
  expectNoUnexpectedCalls(server);
});

describe('remind --send killed mid-run', () => {
  it('posts every reminder card exactly once after a restart', async () => {
    // Feishu holds each message for a while: the process is killed while the second one is in flight.
    server.fault({ method: 'POST', path: MESSAGES, times: 1000, respond: { delayMs: 300 } });
    const first = duban(['remind', '--send', '--today', '2022-06-27']);
    await until(() => server.requestsTo(MESSAGES, 'POST').length >= 2);
    first.kill();
    await first.done;
    // Let the held request complete on the server side, as Feishu would.
    await new Promise((r) => setTimeout(r, 500));
    const postedBeforeRestart = im.messages.length;
    expect(postedBeforeRestart).toBeGreaterThanOrEqual(1);
    server.clearFaults();

    const second = await duban(['remind', '--send', '--today', '2022-06-27']).done;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    const third = await duban(['remind', '--send', '--today', '2022-06-27']).done;
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('已经发送过');

    // One card per chat: the four unit groups with tasks today, the default group, and the office notice.
    const chats = im.messages.map((m) => m.chat_id);
    expect(new Set(chats).size).toBe(chats.length);
    expect(chats).toEqual(expect.arrayContaining([CHATS.default, CHATS.office, ...UNIT_CHATS.slice(1)]));
    // Resending after the crash reused the uuid: Feishu saw more requests than it stored messages.
    expect(server.requestsTo(MESSAGES, 'POST').length).toBeGreaterThan(im.messages.length);
    const uuids = server.requestsTo(MESSAGES, 'POST').map((r) => r.body.uuid);
    expect(new Set(uuids).size).toBe(im.messages.length);
    // The store keeps each message's uuid and Feishu message_id: the evidence of what was posted.
    const store = await openStore(join(dir, 'state'));
    const stored = await store.messages('remind', '2022-06-27');
    await store.close();
    expect(stored.every((m) => m.outcome === 'sent')).toBe(true);
    expect(new Set(stored.map((m) => m.uuid))).toEqual(new Set(uuids));
    expect(stored.map((m) => m.messageId).sort()).toEqual(im.messages.map((m) => m.message_id).sort());
  }, 40_000);

  it('mentions liaisons by open_id, resolving emails and mobiles in one batched call', async () => {
    const run = await duban(['remind', '--send', '--today', '2022-06-27']).done;
    expect(run.code).toBe(0);
    const contents = im.messages.map((m) => m.content).join('\n');
    expect(contents).toContain('<at id=ou_53c193f0a70a2929190cef32f7515a81></at>');
    expect(server.requestsTo('/open-apis/contact/v3/users/batch_get_id').length).toBeLessThanOrEqual(1);
    const office = im.messages.find((m) => m.chat_id === CHATS.office);
    expect(office?.content).toContain('区住房城乡建委');
  }, 40_000);
});

describe('digest --send', () => {
  it('posts one digest card to the leaders and nothing twice', async () => {
    const first = await duban(['digest', '--send', '--today', '2022-06-27']).done;
    expect(first.code).toBe(0);
    const again = await duban(['digest', '--send', '--today', '2022-06-27']).done;
    expect(again.code).toBe(0);
    const toLeaders = im.inChat(CHATS.leaders);
    expect(toLeaders).toHaveLength(1);
    const card = JSON.parse(toLeaders[0].content);
    expect(card.schema).toBe('2.0');
    expect(card.header.template).toBe('red');
    expect(JSON.stringify(card)).toContain('督办日报');
  }, 40_000);

  it('a chat the bot is not in is named with what to do, and exits 4', async () => {
    writeFileSync(join(dir, 'duban.yaml'), `sheet: ${join(example, 'tasks.csv')}\nchats:\n  leaders: oc_notamember00000000000000000000\ndataDir: ${join(dir, 'state2')}\n`);
    const run = await duban(['digest', '--send', '--today', '2022-06-27']).done;
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('oc_notamember00000000000000000000');
    expect(run.stdout).toContain('机器人');
  }, 40_000);
});

describe('duban chats', () => {
  it('lists the chats the bot is in', async () => {
    const run = await duban(['chats']).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CHATS.leaders);
  }, 20_000);
});
