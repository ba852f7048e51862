/**
 * The bot's answer path in-process, without a network: an event goes into the real bot's handle(event), the service's
 * chat answer reads a copy of the example ledger, and the reply card comes out of the replier.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLedger } from '../../src/app/read-ledger.js';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { createBot } from '../../src/chat/bot.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Card } from '../../src/render/card.js';
import { resolveOptions } from '../../src/reports/options.js';
import { createChatAnswer } from '../../src/service/chat-answer.js';
import { createLoop } from '../../src/review/loop.js';
import { peopleFor } from '../../src/review/people.js';
import { openSource } from '../../src/sources/open-source.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { textMessageEvent } from '../support/feishu/events.js';

const example = join(fileURLToPath(new URL('../..', import.meta.url)), 'sheets-templates', 'example');
const BOT = 'ou_bot00000001';
const GROUP = 'oc_3c9b4298b063a3af7b50d18f3192a938';
const TRANSPORT_LIAISON = 'ou_783262aac047f8ad6b214730e2e19f2c';
const SOMEONE = 'ou_someone0000000000000000000001';

/** The real bot over a copy of the example ledger; accounts that are open_ids resolve to themselves, as Feishu's would. */
async function bot() {
  const dir = mkdtempSync(join(tmpdir(), 'duban-answer-path-'));
  for (const file of ['tasks.csv', 'units.csv']) copyFileSync(join(example, file), join(dir, file));
  const source = openSource(join(dir, 'tasks.csv'), { units: join(dir, 'units.csv'), logger: silentLogger, env: {} });
  const ledgerFor = cachedLedger(source);
  const people = peopleFor([], async (accounts) => ({ ids: new Map(accounts.filter((a) => a.startsWith('ou_')).map((a) => [a, a])) }));
  const store = await openStore(join(dir, 'state'));
  stores.push(store);
  const loop = createLoop({
    store, source, ledgerFor, people, requireReview: ['complete', 'extend'], officeChat: null, timezone: 'Asia/Shanghai',
    now: () => new Date('2022-06-27T02:00:00Z'), chat: null, logger: silentLogger,
  });
  const answer = createChatAnswer({ ledgerFor, people, loop, calendar: createWorkCalendar(), options: resolveOptions(), today: () => '2022-06-27', sheetUrl: null });
  const replies: { messageId: string; card: Card; key: string }[] = [];
  const replier = async (messageId: string, card: Card, key: string) => void replies.push({ messageId, card, key });
  const handle = createBot({ botOpenId: BOT, answer, logger: silentLogger, replier, recordEvent: (id, at) => store.recordEvent(id, at) }).handle;
  let counter = 0;
  const ask = async (text: string, senderOpenId = SOMEONE) => {
    counter += 1;
    const messageId = `om_asked${counter}`;
    await handle(textMessageEvent({ messageId, chatId: GROUP, text: `@_user_1 ${text}`, senderOpenId, mentions: [{ key: '@_user_1', openId: BOT, name: '督办助手' }] }));
    return replies.filter((r) => r.messageId === messageId);
  };
  return { ask, ledger: () => readFileSync(join(dir, 'tasks.csv'), 'utf8') };
}

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

type El = { tag: string; content?: string };
const header = (card: Card) => [(card.header as { title: { content: string } }).title.content, (card.header as { template: string }).template];
const lines = (card: Card) => (card.body as { elements: El[] }).elements.map((e) => e.content ?? e.tag);

describe('the chat answer path (handle(event) → reply card), in-process', () => {
  it('answers a question @-mentioning the bot with one reply card, keyed by the message', async () => {
    const [reply, ...more] = await (await bot()).ask('交通局负责哪些任务');
    expect(more).toEqual([]);
    expect(reply.key).toBe('answer|om_asked1');
    expect(header(reply.card)).toEqual(['区交通局牵头的任务（1 项）', 'green']);
    expect(lines(reply.card)).toEqual(['- **#1** 继续加强对“双拥大道”的维护管理，丰富大道两侧的双拥文化氛围 · 截止 长期坚持 · <font color=\'grey\'>进行中</font> · 进度 60%']);
  });

  it('answers "我的任务" for the unit of the liaison who asks', async () => {
    const [reply] = await (await bot()).ask('我的任务', TRANSPORT_LIAISON);
    // "我的任务" lists every role of the unit: the one task it leads.
    expect(header(reply.card)).toEqual(['区交通局的任务（1 项）', 'green']);
  });

  it("writes a liaison's update back to the ledger, and refuses one from outside the lead unit", async () => {
    const chat = await bot();
    const [refused] = await chat.ask('更新 1 进度 90%');
    expect(header(refused.card)).toEqual(['无权提交', 'orange']);
    expect(lines(refused.card)).toEqual(['- 只有牵头单位（区交通局）的联络员可以为任务 1 提交进度报送；如需代办，请联系督办办公室。']);
    const [written] = await chat.ask('更新 1 进度 90% 备注：宣传牌已全部更换', TRANSPORT_LIAISON);
    expect(header(written.card)).toEqual(['进展已写回台账', 'green']);
    expect(lines(written.card)).toEqual([
      '- 已更新任务 1「继续加强对“双拥大道”的维护管理，丰富大道两侧的双拥文化氛围」（台账第 2 行）：进度：90%；进展情况追加“&#91;2022-06-27 王晓东&#93; 宣传牌已全部更换（R1）”；更新时间：2022-06-27',
    ]);
    expect(chat.ledger()).toContain('[2022-06-27 王晓东] 宣传牌已全部更换（R1）');
  });
});
