/**
 * `duban report monthly --send` and `duban notice ID --send` against the loopback Feishu server: the Word file is
 * uploaded (im/v1/files, multipart) and posted as a file message, then the summary card, once per day.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';
import { createImRoutes, type ImState } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { openDocx, paragraphs } from '../support/office-xml.js';
import { runDuban } from '../support/run-cli.js';

const example = join(fileURLToPath(new URL('../..', import.meta.url)), 'sheets-templates', 'example');
const LEADERS = 'oc_00000000000000000000000000leaders';
const COMMERCE = 'oc_688440730c8f3b7c31a6fe9e03025d8d'; // 区商务委's work group in the example directory
const TODAY = '2022-06-27';

let server: FeishuLoopback;
let im: ImState;

beforeEach(async () => {
  im = createImRoutes({ chats: [LEADERS, COMMERCE].map((chat_id) => ({ chat_id, name: chat_id })) });
  server = await startFeishuLoopback({ routes: im.routes });
});
afterEach(async () => {
  await server.close();
  expectNoUnexpectedCalls(server);
});

function setup(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'duban-report-send-'));
  const config = {
    sheet: join(example, 'tasks.csv'), units: join(example, 'units.csv'), chats: { leaders: LEADERS }, dataDir: 'state',
    report: { issuer: '潼南区双拥办', docNumber: '潼双拥督〔{year}〕{n}号' },
  };
  writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify(config));
  return { cwd, env: { DUBAN_CONFIG: join(cwd, 'duban.yaml'), FEISHU_APP_ID: server.appId, FEISHU_APP_SECRET: server.appSecret, FEISHU_DOMAIN: server.url } };
}

describe('duban report monthly --send', () => {
  // Drawing the charts with a CJK font takes a few seconds on a busy machine.
  it('uploads the Word file, posts it and then the summary card to the leaders, once a day', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    const sent = await runDuban(['report', 'monthly', '--send', '--today', TODAY], { cwd, env });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toBe(`✓ 月度通报已发送到 ${LEADERS}\n`);

    const uploads = server.requestsTo('/open-apis/im/v1/files', 'POST');
    expect(uploads).toHaveLength(1);
    expect(uploads[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(uploads[0].body.fields).toEqual({ file_type: 'doc', file_name: '督办通报（2022年6月）.docx' });
    expect(uploads[0].body.files.file.filename).toBe('督办通报（2022年6月）.docx');
    const [file] = [...im.files.values()];
    const text = paragraphs(await (await openDocx(file.data)).xml('word/document.xml'));
    expect(text.slice(0, 3)).toEqual(['督办通报', '潼双拥督〔2022〕6号', '（2022年6月）']);
    const items = text.filter((p) => /^\d+\. #/.test(p));
    expect(items.map((p) => p.replace(/^(\d+\. #\d+) .*（/, '$1 …（'))).toEqual([
      '1. #8 …（区商务委，截止 2022-03-31，逾期 59 个工作日）',
      '2. #10 …（区住房城乡建委，截止 2022-04-30，逾期 38 个工作日）',
      '3. #4 …（区林业局，截止 2022-05-31，逾期 18 个工作日）',
    ]);

    expect(im.messages.map((m) => [m.chat_id, m.msg_type])).toEqual([[LEADERS, 'file'], [LEADERS, 'interactive']]);
    expect(JSON.parse(im.messages[0].content)).toEqual({ file_key: file.fileKey });
    const card = JSON.parse(im.messages[1].content);
    expect(card.header.title.content).toBe('督办通报（2022年6月）');
    expect(card.body.elements.filter((e: { tag: string }) => e.tag === 'chart').map((e: { chart_spec: { type: string } }) => e.chart_spec.type)).toEqual(['bar']);

    const again = await runDuban(['report', 'monthly', '--send', '--today', TODAY], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${TODAY} 的月度通报已经发送过，不再重复发送。\n`);
    expect(im.messages).toHaveLength(2);
  });

  it('says so, and sends nothing, for a past month the store has no snapshot of', async () => {
    const { cwd, env } = setup();
    const run = await runDuban(['report', 'monthly', '--month', '2022-05', '--send', '--today', TODAY], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('2022-05 没有台账快照（duban serve 每个工作日发出日报后保存一份），无法计算该月的考核；只能统计有快照的月份和本月。\n');
    expect(server.requestsTo('/open-apis/im/v1/files')).toEqual([]);
    expect(im.messages).toEqual([]);
  });
});

describe('duban notice --send', () => {
  it('posts the 督办通知单 and a card mentioning the unit leader and liaison to the unit group', async () => {
    const { cwd, env } = setup();
    const run = await runDuban(['notice', '8', '--send', '--today', TODAY], { cwd, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`✓ 督办通知单已发送到 ${COMMERCE}\n`);
    expect(im.messages.map((m) => [m.chat_id, m.msg_type])).toEqual([[COMMERCE, 'file'], [COMMERCE, 'interactive']]);
    const [file] = [...im.files.values()];
    expect(file.name).toBe('督办通知单（任务8）.docx');
    const text = paragraphs(await (await openDocx(file.data)).xml('word/document.xml'));
    expect(text.slice(0, 3)).toEqual(['督办通知单', '（任务 #8）', '区商务委：']);
    // The reply is due 3 working days after 2022-06-27.
    expect(text).toContain('请于 2022年6月30日前书面反馈办理情况、存在问题及完成时限');
    const card = im.messages[1].content;
    expect(card).toContain('<at id=ou_1a0be7dd409f4dc2085a320e5a4ebd14></at> <at id=ou_c88434d30baa0a52f965cc4ee4262d72></at> 区商务委：请阅处督办通知单');
  });
});
