import { describe, expect, it } from 'vitest';
import { createBot, type Asker } from '../../src/chat/bot.js';
import { compose } from '../../src/chat/middleware.js';
import type { Card } from '../../src/render/card.js';
import { capturedLogger } from '../support/feishu/harness.js';
import { textMessageEvent } from '../support/feishu/events.js';
import { inMemoryEvents } from '../support/in-memory-events.js';

const BOT = 'ou_bot00000001';
const GROUP = 'oc_transport0001';
const atBot = { key: '@_user_1', openId: BOT, name: '督办助手' };

function harness(options: { allowChats?: string[]; botOpenId?: string | null; answer?: (q: string, a: Asker) => Promise<Card> } = {}) {
  const questions: { question: string; asker: Asker }[] = [];
  const replies: { messageId: string; card: Card; key: string }[] = [];
  const { logger, text } = capturedLogger();
  const bot = createBot({
    botOpenId: options.botOpenId === null ? undefined : (options.botOpenId ?? BOT),
    allowChats: options.allowChats,
    logger,
    answer:
      options.answer ??
      (async (question, asker) => {
        questions.push({ question, asker });
        return { schema: '2.0', body: { elements: [{ tag: 'markdown', content: `答：${question}` }] } };
      }),
    replier: async (messageId, card, key) => {
      replies.push({ messageId, card, key });
    },
    recordEvent: inMemoryEvents(),
  });
  return { bot, questions, replies, log: text };
}

describe('createBot', () => {
  it('answers a group message that @-mentions the bot, with the mention stripped, as a reply', async () => {
    const { bot, questions, replies } = harness();
    await bot.handle(textMessageEvent({ messageId: 'om_1', chatId: GROUP, text: '@_user_1 交通局负责哪些任务', mentions: [atBot], senderOpenId: 'ou_liaison0001' }));
    expect(questions).toEqual([{ question: '交通局负责哪些任务', asker: { openId: 'ou_liaison0001', chatId: GROUP, chatType: 'group', messageId: 'om_1' } }]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ messageId: 'om_1', key: 'answer|om_1' });
  });

  it('keeps the names of other people mentioned in the question', async () => {
    const { bot, questions } = harness();
    const zhang = { key: '@_user_2', openId: 'ou_zhang00001', name: '张三' };
    await bot.handle(textMessageEvent({ messageId: 'om_2', chatId: GROUP, text: '@_user_1 @_user_2 的任务', mentions: [atBot, zhang] }));
    expect(questions[0].question).toBe('张三 的任务');
  });

  it('ignores group messages that do not mention the bot, and always answers in a direct chat', async () => {
    const { bot, questions } = harness();
    const other = { key: '@_user_1', openId: 'ou_zhang00001', name: '张三' };
    await bot.handle(textMessageEvent({ messageId: 'om_3', chatId: GROUP, text: '@_user_1 开会了', mentions: [other] }));
    await bot.handle(textMessageEvent({ messageId: 'om_4', chatId: GROUP, text: '哪些任务逾期了' }));
    await bot.handle(textMessageEvent({ messageId: 'om_5', chatId: 'oc_p2p0001', chatType: 'p2p', text: '我的任务' }));
    expect(questions.map((q) => [q.question, q.asker.chatType])).toEqual([['我的任务', 'p2p']]);
  });

  it('answers each message_id once, even when Feishu delivers it again', async () => {
    const { bot, replies } = harness();
    const event = textMessageEvent({ messageId: 'om_6', chatId: 'oc_p2p0001', chatType: 'p2p', text: '本周到期' });
    await bot.handle(event);
    await bot.handle({ ...event, header: { ...(event.header as object), event_id: 'ev_other' } });
    expect(replies).toHaveLength(1);
  });

  it('ignores its own messages and chats outside chats.allow', async () => {
    const { bot, questions } = harness({ allowChats: [GROUP] });
    await bot.handle(textMessageEvent({ messageId: 'om_7', chatId: 'oc_p2p0001', chatType: 'p2p', text: '任务 6 进展', senderOpenId: BOT }));
    await bot.handle(textMessageEvent({ messageId: 'om_8', chatId: 'oc_elsewhere01', chatType: 'p2p', text: '任务 6 进展' }));
    await bot.handle(textMessageEvent({ messageId: 'om_9', chatId: GROUP, text: '@_user_1 任务 6 进展', mentions: [atBot] }));
    expect(questions.map((q) => q.asker.chatId)).toEqual([GROUP]);
  });

  it('reads the text of a post message and ignores an image', async () => {
    const { bot, questions } = harness();
    const post = textMessageEvent({ messageId: 'om_10', chatId: 'oc_p2p0001', chatType: 'p2p', text: '' });
    const message = (post.event as { message: Record<string, unknown> }).message;
    message.message_type = 'post';
    message.content = JSON.stringify({ title: '', content: [[{ tag: 'at', user_id: BOT, user_name: '督办助手' }, { tag: 'text', text: ' 交通局 ' }], [{ tag: 'text', text: '逾期任务' }]] });
    await bot.handle(post);
    const image = textMessageEvent({ messageId: 'om_11', chatId: 'oc_p2p0001', chatType: 'p2p', text: '' });
    Object.assign((image.event as { message: Record<string, unknown> }).message, { message_type: 'image', content: '{"image_key":"img_x"}' });
    await bot.handle(image);
    expect(questions.map((q) => q.question)).toEqual(['交通局\n逾期任务']);
  });

  it('logs a failing answer without rejecting, and ignores events that are not messages', async () => {
    const { bot, replies, log } = harness({ answer: async () => { throw new Error('ledger unreachable'); } });
    await expect(bot.handle(textMessageEvent({ messageId: 'om_12', chatId: 'oc_p2p0001', chatType: 'p2p', text: 'x' }))).resolves.toBeUndefined();
    await expect(bot.handle({ hello: 'world' })).resolves.toBeUndefined();
    await expect(bot.handle(null)).resolves.toBeUndefined();
    expect(replies).toHaveLength(0);
    expect(log()).toContain('ledger unreachable');
  });

  it('counts any mention as one to the bot when its open_id is unknown', async () => {
    const { bot, questions } = harness({ botOpenId: null });
    await bot.handle(textMessageEvent({ messageId: 'om_13', chatId: GROUP, text: '@_user_1 本周到期', mentions: [atBot] }));
    expect(questions.map((q) => q.question)).toEqual(['本周到期']);
  });
});

describe('createBot post mentions', () => {
  it('drops the bot from a post whether its at names an open_id or the placeholder key, keeping other names', async () => {
    const { bot, questions } = harness();
    const zhang = { key: '@_user_2', openId: 'ou_zhang000001', name: '张三' };
    const ats = [
      [{ tag: 'at', user_id: '@_user_1', user_name: '督办助手' }, { tag: 'at', user_id: '@_user_2' }],
      [{ tag: 'at', user_id: BOT }, { tag: 'at', user_id: 'ou_zhang000001', user_name: '张三' }],
    ];
    for (const [i, [first, second]] of ats.entries()) {
      const post = textMessageEvent({ messageId: `om_p${i}`, chatId: GROUP, text: '', mentions: [atBot, zhang] });
      const message = (post.event as { message: Record<string, unknown> }).message;
      message.message_type = 'post';
      message.content = JSON.stringify({ title: '', content: [[first, { tag: 'text', text: ' ' }, second, { tag: 'text', text: ' 的任务' }], [{ tag: 'img', image_key: 'img_x' }]] });
      await bot.handle(post);
    }
    expect(questions.map((q) => q.question)).toEqual(['张三 的任务', '张三 的任务']);
  });
});

describe('createBot on forged events', () => {
  it('reads a post whose fields have the wrong types as the text it can, without an error', async () => {
    const { bot, questions, log } = harness();
    const post = textMessageEvent({ messageId: 'om_f1', chatId: 'oc_p2p0001', chatType: 'p2p', text: '' });
    const message = (post.event as { message: Record<string, unknown> }).message;
    message.message_type = 'post';
    // {"toString": "x"} cannot be turned into text at all: joining it throws.
    const at = { tag: 'at', user_id: { open_id: 1 }, user_name: { toString: 'x' } };
    message.content = JSON.stringify({ content: [[at, { tag: 'text', text: 5 }, null, { tag: 'text', text: '逾期任务' }], 'x', null] });
    await bot.handle(post);
    expect(questions.map((q) => q.question)).toEqual(['逾期任务']);
    expect(log()).not.toContain('failed');
  });

  it('never rejects, even when reading the event itself throws', async () => {
    const { bot, questions, log } = harness();
    const hostile = new Proxy({}, { has: () => { throw new Error('hostile getter'); }, get: () => { throw new Error('hostile getter'); } });
    await expect(bot.handle(hostile)).resolves.toBeUndefined();
    for (const junk of [null, 'x', 42, [], { message: 'x' }, { header: 1, event: null }, { message: { message_id: 'om_j', chat_id: 'oc_j', mentions: 'x', content: '{' } }]) {
      await expect(bot.handle(junk)).resolves.toBeUndefined();
    }
    expect(questions).toEqual([]);
    expect(log()).toContain('hostile getter');
  });
});

describe('compose', () => {
  it('runs steps in order and refuses a step that calls next twice', async () => {
    const seen: string[] = [];
    await compose<string[]>([async (c, next) => { c.push('a'); await next(); }, async (c) => { c.push('b'); }])(seen);
    expect(seen).toEqual(['a', 'b']);
    const twice = compose<null>([async (_c, next) => { await next(); await next(); }]);
    await expect(twice(null)).rejects.toThrow('next() twice');
  });
});

