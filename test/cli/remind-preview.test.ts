/**
 * `duban remind --format card` shows exactly the cards `duban remind --send` posts: both read the one reminder plan
 * (routing, office fallback, the office's to-do list, mentions resolved through Feishu), here on the bundled example
 * against the loopback Feishu server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactRoutes } from '../support/feishu/contact-routes.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { runDuban } from '../support/run-cli.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';

const example = join(fileURLToPath(new URL('../..', import.meta.url)), 'sheets-templates', 'example');
const OFFICE = 'oc_000000000000000000000000000office';
const UNIT_CHATS = ['oc_3c9b4298b063a3af7b50d18f3192a938', 'oc_84c1b4581880cf7f52e8fb5bc0b6a468', 'oc_688440730c8f3b7c31a6fe9e03025d8d', 'oc_79ee52c073a36be8b51f616fcbe01d13'];
const TODAY = '2022-06-27';

let server: FeishuLoopback;
let im: ImState;

beforeEach(async () => {
  im = createImRoutes({ chats: [OFFICE, ...UNIT_CHATS].map((chat_id) => ({ chat_id, name: chat_id })) });
  server = await startFeishuLoopback({ routes: [...im.routes, ...createContactRoutes({ mobiles: { '13800230101': 'ou_zhaogang0000000000000000000001' } })] });
});
afterEach(async () => {
  await server.close();
  expectNoUnexpectedCalls(server);
});

/** A folder with a config whose units without a work group fall back to the office chat (no chats.default). */
function office(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'duban-remind-preview-'));
  const config = { sheet: join(example, 'tasks.csv'), units: join(example, 'units.csv'), chats: { office: OFFICE }, dataDir: 'state' };
  writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify(config));
  return { cwd, env: { DUBAN_CONFIG: join(cwd, 'duban.yaml'), FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url } };
}

describe('duban remind: preview and send read one plan', () => {
  it('previews with --format card the very cards --send posts, chat by chat', async () => {
    const { cwd, env } = office();
    const preview = await runDuban(['remind', '--format', 'card', '--today', TODAY], { cwd, env });
    expect(preview.code).toBe(0);
    expect(im.messages).toEqual([]);
    const previewed = preview.json<{ chat: string | null; card: unknown }[]>().map((c) => [c.chat, c.card]);

    const sent = await runDuban(['remind', '--send', '--today', TODAY], { cwd, env });
    expect(sent.code).toBe(0);
    const posted = im.messages.map((m) => [m.chat_id, JSON.parse(m.content)]);
    expect(posted).toEqual(previewed);
    // Three work groups with reminders that day, and the office chat with the units without a group and the office's to-do list.
    expect(posted.map(([chat]) => chat)).toEqual([UNIT_CHATS[3], UNIT_CHATS[2], UNIT_CHATS[1], OFFICE]);
    const officeCard = JSON.stringify(posted.at(-1)![1]);
    expect(officeCard).toContain('以下单位没有配置工作群');
    expect(officeCard).toContain('区住房城乡建委：单位通讯录中没有联络员账号');
    expect(officeCard).toContain('<at id=ou_ef90b072b99dd2cfe0a77823fe37c7b6></at> 请关注以下任务');
  });
});
