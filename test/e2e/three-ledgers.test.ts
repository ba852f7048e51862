/**
 * One service, three ledgers (three local CSV ledgers with different tasks) on the loopback Feishu through the real
 * SDK: each group answered from its own ledger, a shared group per ledger labelled, a ledger named in the question
 * narrowing the answer, a typed 签收 in a bound group acknowledging that ledger's task, and the leaders' one card.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startService, type Service } from '../../src/service/service.js';
import { openStore } from '../../src/store/open-store.js';
import { cardActionEvent, textMessageEvent } from '../support/feishu/events.js';
import { createImRoutes, type ImState, type StoredMessage } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection, type LongConnectionEndpoint } from '../support/feishu/ws.js';
import { until } from '../support/until.js';
import { freePort } from '../support/free-port.js';

const BOT = 'ou_loopbackbot0001';
const LEADERS = 'oc_leaders';
const SHUANGYONG = 'oc_shuangyong';
const MINSHENG = 'oc_minsheng';
const SHARED = 'oc_shared';
const OFFICE = 'oc_office';
const LIAISON = 'ou_wang';
const REVIEWER = 'ou_reviewer01';
const NOW = '2022-06-27T02:00:00.000Z'; // Monday 10:00 in Shanghai: the 09:00 digest is caught up at start

const HEADER = '编号,任务,责任单位,截止日期,状态,进度,进展情况';
const UNITS = '单位,别名,联络员,联络员账号,工作群\n区交通局,交通局,王晓东,ou_wang,oc_transport\n区商务委,商务委,郭芳,ou_guo,oc_commerce\n';
const LEDGERS = {
  双拥: ['6,建设双拥主题文化园,区交通局,2022-06-30,进行中,60%,', '7,建立退役军人产品展销平台,区商务委,2022-06-20,进行中,50%,'],
  民生实事: ['6,改造老旧小区道路,区交通局,2022-07-15,进行中,40%,', '8,更换小区路灯,区交通局,2022-06-30,进行中,50%,', '9,新建农贸市场,区商务委,2022-09-30,未开始,0%,'],
  政府工作报告: ['21,推进轨道交通建设,区交通局,2022-12-31,进行中,20%,'],
};

type Json = Record<string, any>;
const cardOf = (m: StoredMessage): Json => JSON.parse(m.content);
/** The callback values of a card's buttons, in order. */
function buttonValues(card: Json): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (el.tag === 'button') found.push(el.behaviors[0].value);
    Object.values(el).forEach(walk);
  };
  walk(card.body.elements);
  return found;
}
/** The bold headings of a card ("【双拥】…"), in order. */
const headings = (card: Json): string[] =>
  (card.body.elements as Json[]).filter((e) => e.tag === 'markdown').map((e) => String(e.content).replace(/<[^>]+>|\*\*/g, '')).filter((text) => text.startsWith('【'));

describe('one service, three ledgers', () => {
  let server: FeishuLoopback;
  let im: ImState;
  let ws: LongConnectionEndpoint;
  let service: Service;
  let dir: string;
  let n = 0;
  let healthPort = 0;

  const say = async (chatId: string, text: string, sender = LIAISON) => {
    const messageId = `om_three_${++n}`;
    const event = textMessageEvent({ messageId, chatId, text: `@_user_1 ${text}`, senderOpenId: sender, appId: server.appId, mentions: [{ key: '@_user_1', openId: BOT, name: '督办助手' }] });
    im.userMessage(event);
    expect(await ws.push(event)).toBe(200);
    return cardOf(await until(() => im.repliesTo(messageId)[0], `the reply to ${text}`));
  };

  /** The reminder card a ledger posted in the transport bureau's group. */
  const reminderOf = (ledger: string) => im.inChat('oc_transport').find((m) => cardOf(m).header.title.content.startsWith(`【${ledger}】`))!;

  beforeAll(async () => {
    im = createImRoutes({ chats: [LEADERS, SHUANGYONG, MINSHENG, SHARED, OFFICE, 'oc_transport', 'oc_commerce'].map((chat_id) => ({ chat_id, name: chat_id })), bot: { open_id: BOT, app_name: '督办助手' } });
    server = await startFeishuLoopback({ routes: im.routes });
    ws = attachLongConnection(server);
    dir = mkdtempSync(join(tmpdir(), 'duban-three-'));
    for (const [name, rows] of Object.entries(LEDGERS)) {
      writeFileSync(join(dir, `${name}.csv`), `${HEADER}\n${rows.join('\n')}\n`);
      writeFileSync(join(dir, `${name}-units.csv`), UNITS);
    }
    healthPort = await freePort();
    const config = {
      dataDir: 'state',
      health: { port: healthPort },
      feishu: { appId: server.appId, appSecret: server.appSecret, domain: server.url },
      chats: { leaders: LEADERS, office: OFFICE },
      review: { reviewers: [{ name: '张主任', account: REVIEWER }] },
      ledgers: [
        { name: '双拥', sheet: '双拥.csv', units: '双拥-units.csv', groups: [SHUANGYONG, SHARED] },
        { name: '民生实事', aliases: ['民生'], sheet: '民生实事.csv', units: '民生实事-units.csv', groups: [MINSHENG, SHARED] },
        { name: '政府工作报告', sheet: '政府工作报告.csv', units: '政府工作报告-units.csv' },
      ],
    };
    writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
    service = await startService({ loaded, logger: silentLogger, options: resolveOptions(), sheet: '', units: undefined, env: {}, clock: fixedClock(NOW), handleSignals: false });
    await ws.waitForClient(10_000);
  }, 30_000);

  afterAll(async () => {
    await service?.stop();
    await server?.close();
  });

  it('answers a group bound to one ledger from that ledger alone', async () => {
    const card = await say(SHUANGYONG, '交通局的任务');
    const text = JSON.stringify(card);
    expect(text).toContain('建设双拥主题文化园');
    expect(text).not.toContain('改造老旧小区道路');
    expect(headings(card)).toEqual([]);
    const minsheng = JSON.stringify(await say(MINSHENG, '交通局的任务'));
    expect(minsheng).toContain('改造老旧小区道路');
    expect(minsheng).not.toContain('建设双拥主题文化园');
  });

  it('answers a shared group with a section per ledger, labelled', async () => {
    const card = await say(SHARED, '交通局的任务');
    expect(card.header.title.content).toBe('各台账的回答');
    expect(headings(card).map((h) => h.slice(0, h.indexOf('】') + 1))).toEqual(['【双拥】', '【民生实事】']);
    const text = JSON.stringify(card);
    expect(text).toContain('建设双拥主题文化园');
    expect(text).toContain('改造老旧小区道路');
    expect(text).not.toContain('推进轨道交通建设');
  });

  it('narrows to the ledger named in the question, by name or alias', async () => {
    const shuangyong = JSON.stringify(await say(SHARED, '双拥 交通局的任务'));
    expect(shuangyong).toContain('建设双拥主题文化园');
    expect(shuangyong).not.toContain('改造老旧小区道路');
    const minsheng = JSON.stringify(await say(SHARED, '民生里交通局的任务'));
    expect(minsheng).toContain('改造老旧小区道路');
    expect(minsheng).not.toContain('建设双拥主题文化园');
  });

  it("reminds a unit's group once per ledger, each card naming its ledger in its title and buttons", () => {
    // The ledgers' schedulers run side by side: their cards arrive in either order.
    const titles = im.inChat('oc_transport').map((m) => cardOf(m).header.title.content as string);
    expect(titles.map((title) => title.slice(0, title.indexOf('】') + 1)).sort()).toEqual(['【双拥】', '【民生实事】'].sort());
    expect(buttonValues(cardOf(reminderOf('双拥'))).filter((v) => v.action === 'ack')).toEqual([{ action: 'ack', task: '6', ledger: '双拥' }]);
    expect(buttonValues(cardOf(reminderOf('民生实事'))).filter((v) => v.action === 'ack')).toEqual([{ action: 'ack', task: '8', ledger: '民生实事' }]);
  });

  it("takes a click to the ledger in the button's value; a value without one, for a task in two ledgers, asks", async () => {
    const reminder = reminderOf('民生实事');
    const click = async (value: Json) => {
      const event = cardActionEvent({ eventId: `ev_three_${++n}`, operatorOpenId: LIAISON, value, messageId: reminder.message_id, chatId: 'oc_transport', appId: server.appId });
      return (await ws.pushCallback(event)).answer as { toast: { type: string; content: string } };
    };
    expect((await click({ action: 'ack', task: '8', ledger: '民生实事' })).toast.type).toBe('success');
    expect((await click({ action: 'ack', task: '6', ledger: '双拥' })).toast.type).toBe('success');
    expect(await click({ action: 'ack', task: '6' })).toEqual({ toast: { type: 'warning', content: '请注明台账：这张卡片没有写明台账，请在群里发送文字命令，例如“双拥 签收 编号”。' } });
    const store = await openStore(join(dir, 'state'));
    try {
      expect((await store.forLedger('民生实事').acks({ taskId: '8' })).map((a) => [a.taskId, a.unit])).toEqual([['8', '区交通局']]);
      expect((await store.forLedger('双拥').acks({ taskId: '6' })).map((a) => [a.taskId, a.unit])).toEqual([['6', '区交通局']]);
      expect(await store.forLedger('民生实事').acks({ taskId: '6' })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('acknowledges a typed 签收 in a bound group against that ledger; asks to name the ledger in the shared group', async () => {
    const ambiguous = await say(SHARED, '签收 6');
    expect(ambiguous.header.title.content).toBe('请注明台账');
    expect(JSON.stringify(ambiguous)).toContain('这个群对应多个台账（双拥、民生实事），请在命令前写台账名称，例如：双拥 签收 6');
    const acked = await say(MINSHENG, '签收 6');
    expect(acked.header.template).toBe('green');
    const store = await openStore(join(dir, 'state'));
    try {
      expect((await store.forLedger('民生实事').acks({ taskId: '6' })).map((a) => [a.taskId, a.unit])).toEqual([['6', '区交通局']]);
      // 双拥's task 6 was acknowledged once, by its card's button.
      expect((await store.forLedger('双拥').acks({ taskId: '6' })).map((a) => [a.taskId, a.unit])).toEqual([['6', '区交通局']]);
    } finally {
      await store.close();
    }
    const prefixed = await say(SHARED, '双拥 签收 6');
    expect(prefixed.header.template).toBe('green');
  });

  it("decides a request in the office's chat (every ledger's) against the ledger that holds it", async () => {
    const asked = await say(MINSHENG, '申请办结 8 说明：路灯已全部更换');
    expect(JSON.stringify(asked)).toContain('办结申请 R1 已提交，等待督办办公室审核');
    const review = await until(() => im.inChat(OFFICE).find((m) => m.uuid?.startsWith('review-R1-')), 'the review card of R1');
    expect(cardOf(review).header.title.content).toBe('【民生实事】办结申请 R1 · 任务 8');
    expect(buttonValues(cardOf(review)).map((v) => [v.action, v.request, v.ledger])).toEqual([['approve', 'R1', '民生实事'], ['reject', 'R1', '民生实事']]);
    const approved = await say(OFFICE, '同意 R1', REVIEWER);
    expect(approved.header.template).toBe('green');
    const row = readFileSync(join(dir, '民生实事.csv'), 'utf8').split('\n').find((line) => line.startsWith('8,'));
    expect(row).toBe('8,更换小区路灯,区交通局,2022-06-30,已完成,100%,[2022-06-27 张主任] 同意办结（R1）；办结说明：路灯已全部更换');
    expect(readFileSync(join(dir, '双拥.csv'), 'utf8')).toBe(`${HEADER}\n${LEDGERS.双拥.join('\n')}\n`);
  });

  it("lists every ledger's runs on /healthz, each naming its ledger", async () => {
    const health = (await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json()) as { runs: { ledger: string; job: string; status: string }[] };
    const runs = health.runs.map((r) => `${r.ledger} ${r.job} ${r.status}`).sort();
    expect(runs).toEqual(['双拥 digest done', '双拥 remind done', '政府工作报告 digest done', '政府工作报告 remind done', '民生实事 digest done', '民生实事 remind done']);
  });

  it('posts one digest card to the leaders with a section per ledger', () => {
    const digests = im.inChat(LEADERS);
    expect(digests).toHaveLength(1);
    expect(digests[0].uuid?.startsWith('digest-combined-')).toBe(true);
    const card = cardOf(digests[0]);
    expect(card.header.title.content).toBe('督办日报 · 2022-06-27');
    expect(headings(card).map((h) => h.slice(0, h.indexOf('】') + 1))).toEqual(['【双拥】', '【民生实事】', '【政府工作报告】']);
  });
});
