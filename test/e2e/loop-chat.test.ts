/**
 * The 督办 loop end to end, in-process: `duban serve`'s service on the loopback Feishu through the real SDK, once over
 * the long connection and once over the HTTP callback (encrypted, signed). Liaisons ask by text and by the buttons of
 * the reminder card the scheduler posted; the office decides on its review cards and in chat; files in the request's
 * thread are its evidence. The ledger (a CSV with every loop column) is checked after each step.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { resolveOptions } from '../../src/reports/options.js';
import { startService, type Service } from '../../src/service/service.js';
import { cardActionEvent, deliverEvent, fileMessageEvent, textMessageEvent } from '../support/feishu/events.js';
import { expectNoUnexpectedCalls } from '../support/feishu/harness.js';
import { createImRoutes, type ImState, type StoredMessage } from '../support/feishu/im-routes.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection, type LongConnectionEndpoint } from '../support/feishu/ws.js';
import { LOOP_PEOPLE as P, loopLedger, rowOf } from '../support/loop-ledger.js';
import { runDuban } from '../support/run-cli.js';
import { until } from '../support/until.js';
import { freePort } from '../support/free-port.js';

const BOT = 'ou_loopbackbot0001';
const TRANSPORT = 'oc_transport';
const COMMERCE = 'oc_commerce';
const OFFICE = 'oc_office00001';
const ENCRYPT_KEY = 'loop-encrypt-key-0001';
const NOW = '2022-06-27T02:00:00.000Z'; // Monday 10:00 in Shanghai: the reminders have gone out

type Json = Record<string, any>;
type Answer = { toast?: { type: string; content: string } };

/** Every button of a card with its callback value and the form it submits. */
function buttons(card: Json): { value: Json; form: string | null; name?: string }[] {
  const found: { value: Json; form: string | null; name?: string }[] = [];
  const walk = (node: unknown, form: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, form));
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (el.tag === 'button') found.push({ value: el.behaviors?.[0]?.value, form, name: el.name });
    for (const value of Object.values(el)) walk(value, el.tag === 'form' ? el.name : form);
  };
  walk(card.body?.elements, null);
  return found;
}
const cardOf = (m: StoredMessage): Json => JSON.parse(m.content);

describe.each(['ws', 'http'] as const)('the 督办 loop in chat over %s', (transport) => {
  let server: FeishuLoopback;
  let im: ImState;
  let ws: LongConnectionEndpoint | null = null;
  let service: Service;
  let ledger: ReturnType<typeof loopLedger>;
  let callbackUrl = '';
  let n = 0;

  /** Delivers a card click as Feishu does over this transport; resolves with the bot's answer. */
  const click = async (operatorOpenId: string, message: StoredMessage, value: Json, formValue?: Json, eventId = `ev_click_${transport}_${++n}`): Promise<Answer> => {
    const event = cardActionEvent({ eventId, operatorOpenId, value, formValue, messageId: message.message_id, chatId: message.chat_id, appId: server.appId });
    if (ws) return (await ws.pushCallback(event)).answer as Answer;
    const response = await deliverEvent(callbackUrl, event, { encryptKey: ENCRYPT_KEY });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as Answer;
  };
  /** Delivers a user's message (the bot replies in the background). */
  const deliver = async (event: Json) => {
    im.userMessage(event);
    if (ws) expect(await ws.push(event)).toBe(200);
    else expect((await deliverEvent(callbackUrl, event, { encryptKey: ENCRYPT_KEY })).status).toBe(200);
  };
  const say = async (messageId: string, chatId: string, sender: string, text: string) => {
    await deliver(textMessageEvent({ messageId, chatId, text: `@_user_1 ${text}`, senderOpenId: sender, appId: server.appId, mentions: [{ key: '@_user_1', openId: BOT, name: '督办助手' }] }));
    return until(() => im.repliesTo(messageId)[0], `the reply to ${messageId}`);
  };
  // The review card is posted with the key review|R<n>, from which the idempotency uuid is derived.
  const reviewCard = (id: string) => im.inChat(OFFICE).find((m) => m.uuid?.startsWith(`review-${id}-`));
  const reminderIn = (chat: string) => im.inChat(chat).find((m) => m.uuid?.startsWith('remind-'))!;

  beforeAll(async () => {
    im = createImRoutes({
      chats: [TRANSPORT, COMMERCE, OFFICE].map((chat_id) => ({ chat_id, name: chat_id })),
      bot: { open_id: BOT, app_name: '督办助手' },
    });
    server = await startFeishuLoopback({ routes: im.routes });
    ledger = loopLedger();
    // The fixture's units name oc_transport / oc_commerce as the work groups.
    const port = transport === 'http' ? await freePort() : 0;
    if (transport === 'ws') ws = attachLongConnection(server);
    const http = transport === 'http' ? { http: { port, encryptKey: ENCRYPT_KEY, verificationToken: 'loopback-verification-token' } } : {};
    const config = {
      sheet: 'tasks.csv', units: 'units.csv', dataDir: 'state',
      feishu: { appId: server.appId, appSecret: server.appSecret, domain: server.url, events: transport, ...http },
      chats: { office: OFFICE },
      review: { reviewers: [{ name: '张主任', account: P.reviewer }] },
    };
    writeFileSync(join(ledger.dir, 'duban.yaml'), JSON.stringify(config));
    const loaded = loadConfig({ path: 'duban.yaml', env: {}, cwd: ledger.dir });
    service = await startService({
      loaded, logger: silentLogger, options: resolveOptions(), sheet: join(ledger.dir, 'tasks.csv'), units: join(ledger.dir, 'units.csv'),
      env: {}, clock: fixedClock(NOW), handleSignals: false,
    });
    callbackUrl = `http://127.0.0.1:${service.callbackPort}/feishu/events`;
    if (ws) await ws.waitForClient(10_000);
  }, 30_000);

  afterAll(async () => {
    await service?.stop();
    await server.close();
  });

  it('posted the reminder cards with a form per task whose buttons carry the task and the action', () => {
    const card = cardOf(reminderIn(TRANSPORT));
    const values = buttons(card).map((b) => b.value);
    expect(values).toEqual(['8', '6'].flatMap((task) => ['ack', 'progress', 'complete', 'extend'].map((action) => ({ action, task }))));
    expect(buttons(card).map((b) => b.form)).toEqual([...Array(4).fill('task_8'), ...Array(4).fill('task_6')]);
  });

  it("takes a liaison's extension by text to the office's review card", async () => {
    const reply = await say('om_text_ext', TRANSPORT, P.transportLiaison, '申请延期 6 至 2022-07-31 原因：雨季无法施工');
    expect(reply.content).toContain('延期申请 R1 已提交，等待督办办公室审核');
    const card = cardOf(await until(() => reviewCard('R1'), 'the review card of R1'));
    expect(card.header.title.content).toBe('延期申请 R1 · 任务 6');
    expect(JSON.stringify(card)).toContain('雨季无法施工');
    expect(buttons(card).map((b) => b.value)).toEqual([{ request: 'R1', task: '6', action: 'approve' }, { request: 'R1', task: '6', action: 'reject' }]);
  });

  it('takes an extension by button (a double click gives the same request) and refuses one after the deadline', async () => {
    const reminder = reminderIn(TRANSPORT);
    const answer = await click(P.transportLiaison, reminder, { action: 'extend', task: '8' }, { due_8: '2022-07-15 +0800', note_8: '标语设计待审定', progress_8: '' });
    expect(answer).toEqual({ toast: { type: 'success', content: '延期申请 R2 已提交，等待督办办公室审核' } });
    expect(await click(P.transportLiaison, reminder, { action: 'extend', task: '8' }, { due_8: '2022-07-15 +0800', note_8: '标语设计待审定' })).toEqual({ toast: { type: 'success', content: '延期申请 R2 已在审核中' } });
    expect(cardOf(await until(() => reviewCard('R2'), 'the review card of R2')).header.title.content).toBe('延期申请 R2 · 任务 8');
    // The bot's confirmation under the reminder card is the request's thread.
    expect(im.repliesTo(reminder.message_id).map((m) => cardOf(m).header.title.content)).toEqual(['延期申请 R2 已提交']);
    const late = await click(P.commerceLiaison, reminderIn(COMMERCE), { action: 'extend', task: '7' }, { due_7: '2022-07-31 +0800', note_7: '资金未到位' });
    expect(late.toast?.type).toBe('error');
    expect(late.toast?.content).toMatch(/^已过截止日期，不能申请延期：任务 7 已于 2022-06-20 到期/);
  });

  it("refuses a non-reviewer's 同意 with an error toast and writes nothing", async () => {
    const before = ledger.text();
    const answer = await click(P.stranger, reviewCard('R1')!, { request: 'R1', task: '6', action: 'approve' }, { reason: '' });
    expect(answer.toast?.type).toBe('error');
    expect(answer.toast?.content).toMatch(/^无权审核：只有督办办公室的审核人/);
    expect(ledger.text()).toBe(before);
  });

  it("writes a reviewer's 同意 once: the new date, the original kept, the count and the reason; the card updated in place", async () => {
    const card = reviewCard('R1')!;
    const value = { request: 'R1', task: '6', action: 'approve' };
    const eventId = `ev_approve_${transport}`;
    expect(await click(P.reviewer, card, value, { reason: '' }, eventId)).toEqual({ toast: { type: 'success', content: '已同意 R1，已写入台账' } });
    const row = rowOf(ledger.text(), '6');
    expect([row['截止日期'], row['原截止日期'], row['延期次数'], row['状态']]).toEqual(['2022-07-31', '2022-06-30', '1', '已延期']);
    expect(row['进展情况']).toBe('主体施工中\n[2022-06-27 张主任] 同意延期至 2022-07-31（R1）；延期原因：雨季无法施工');
    const updated = cardOf(im.messages.find((m) => m.message_id === card.message_id)!);
    expect(JSON.stringify(updated)).toContain('已同意（张主任，2022-06-27 10:00）');
    expect(buttons(updated)).toEqual([]);
    expect(im.patches.filter((p) => p.message_id === card.message_id)).toHaveLength(1);
    const told = await until(() => im.repliesTo('om_text_ext')[1], 'the liaison told of the approval');
    expect(cardOf(told).header.title.content).toBe('延期申请已同意');

    const text = ledger.text();
    expect(await click(P.reviewer, card, value, { reason: '' })).toEqual({ toast: { type: 'error', content: 'R1 已处理：R1 已于 2022-06-27 10:00 由 张主任同意，本次未作改动。' } });
    expect(await click(P.reviewer, card, value, { reason: '' }, eventId)).toEqual({ toast: { type: 'info', content: '这次点击已处理过。' } });
    expect(ledger.text()).toBe(text);
  });

  it("sends R2 back on 退回: nothing written, the liaison told why in the request's thread", async () => {
    const before = ledger.text();
    const card = reviewCard('R2')!;
    expect(await click(P.reviewer, card, { request: 'R2', task: '8', action: 'reject' }, { reason: '' })).toEqual({ toast: { type: 'error', content: '请写明退回原因：例如：退回 R2 原因：佐证材料不全。本次未作改动。' } });
    expect(await click(P.reviewer, card, { request: 'R2', task: '8', action: 'reject' }, { reason: '请先报送标语设计稿' })).toEqual({ toast: { type: 'success', content: '已退回 R2' } });
    expect(ledger.text()).toBe(before);
    const confirmation = im.repliesTo(reminderIn(TRANSPORT).message_id)[0];
    const told = await until(() => im.repliesTo(confirmation.message_id)[0], 'the liaison told of the rejection');
    expect(told.content).toContain('请先报送标语设计稿');
    expect(JSON.stringify(cardOf(im.messages.find((m) => m.message_id === card.message_id)!))).toContain('已退回（张主任');
  });

  it('closes a completion with the files sent in its thread as evidence, approved by text in the office chat', async () => {
    const reply = await say('om_text_done', TRANSPORT, P.transportLiaison, '申请办结 6 说明：文化园已建成');
    expect(reply.content).toContain('办结申请 R3 已提交');
    await deliver(fileMessageEvent({ messageId: 'om_file_1', chatId: TRANSPORT, senderOpenId: P.transportLiaison, rootId: 'om_text_done', parentId: reply.message_id, file: { fileKey: 'file_v3_report', fileName: '验收报告.pdf' } }));
    expect((await until(() => im.repliesTo('om_file_1')[0], 'the evidence receipt')).content).toContain('验收报告.pdf（共 1 份）');
    // An image within 30 minutes, outside the thread, in the same chat.
    await deliver(fileMessageEvent({ messageId: 'om_file_2', chatId: TRANSPORT, senderOpenId: P.transportLiaison, file: { imageKey: 'img_v3_site' }, createTime: Date.parse(NOW) + 10 * 60_000 }));
    expect((await until(() => im.repliesTo('om_file_2')[0], 'the image receipt')).content).toContain('共 2 份');
    const card = reviewCard('R3')!;
    expect(JSON.stringify(cardOf(im.messages.find((m) => m.message_id === card.message_id)!))).toContain('验收报告.pdf');

    const approved = await say('om_text_ok', OFFICE, P.reviewer, '同意 R3');
    expect(approved.content).toContain('已同意 R3，已写入台账');
    const row = rowOf(ledger.text(), '6');
    expect([row['状态'], row['进度'], row['办结时间']]).toEqual(['已完成', '100%', '2022-06-27']);
    expect(row['佐证材料']).toContain('验收报告.pdf');
    expect(row['佐证材料']).toContain('图片');
  });

  it('shows it all in duban requests --json and duban history', async () => {
    const env = { DUBAN_DATA_DIR: join(ledger.dir, 'state') };
    const requests = (await runDuban(['requests', '--json'], { cwd: ledger.dir, env })).json().requests;
    expect(requests.map((r: Json) => [r.id, r.kind, r.taskId, r.status, r.decidedBy ?? null])).toEqual([
      ['R1', 'extend', '6', 'approved', '张主任'],
      ['R2', 'extend', '8', 'rejected', '张主任'],
      ['R3', 'complete', '6', 'approved', '张主任'],
    ]);
    expect(requests[2].evidence).toEqual([{ name: '验收报告.pdf', fileKey: 'file_v3_report' }, { name: '图片', fileKey: 'img_v3_site' }]);
    const trail = (await runDuban(['history', '--task', '6', '--json'], { cwd: ledger.dir, env })).json().trail;
    expect(trail.map((e: Json) => e.event)).toEqual(['reminded', 'requested', 'decided', 'written', 'requested', 'decided', 'written']);
  });

  it('called nothing Feishu would refuse', () => {
    expectNoUnexpectedCalls(server);
  });
});
