/**
 * Two replicas' bots on one PostgreSQL database (two store handles) given the same events, as Feishu may deliver an
 * event to either replica and again after a timeout: each question is answered once, each file taken once, each card
 * click carried out once.
 */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/chat/bot.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/store.js';
import { cardActionEvent, fileMessageEvent, textMessageEvent } from '../support/feishu/events.js';
import { BACKENDS, cleanUpStores, twoHandles } from '../support/store-backends.js';

const opened = cleanUpStores();
const BOT = 'ou_bot';
const GROUP = 'oc_group1';

/** A replica's bot over its own store handle, counting what it does. */
function replicaBot(store: Store, done: string[]) {
  return createBot({
    botOpenId: BOT,
    logger: silentLogger,
    recordEvent: (id, at) => store.recordEvent(id, at),
    answer: async (question) => (done.push(`answer:${question}`), { text: question }),
    files: async (message) => (done.push(`files:${message.messageId}`), null),
    cardAction: async (action) => (done.push(`click:${action.eventId}`), { toast: { type: 'success', content: '已签收' } }),
    replier: async (messageId) => void done.push(`reply:${messageId}`),
  }).handle;
}

describe('incoming events shared by two replicas on postgresql', () => {
  it('handles each message, file and card click once, whichever replica gets it and however often', async () => {
    const { a, b } = await twoHandles(BACKENDS[1], opened);
    const done: string[] = [];
    const bots = [replicaBot(a, done), replicaBot(b, done)];
    const question = textMessageEvent({ messageId: 'om_q1', chatId: GROUP, text: '@_user_1 任务6', mentions: [{ key: '@_user_1', openId: BOT, name: 'duban' }] });
    const file = fileMessageEvent({ messageId: 'om_f1', chatId: GROUP, senderOpenId: 'ou_wang', file: { fileKey: 'file_1', fileName: '验收.pdf' } });
    const click = cardActionEvent({ eventId: 'ev_c1', operatorOpenId: 'ou_wang', value: { action: 'ack', task: '6' }, messageId: 'om_card1', chatId: GROUP });

    const answers = await Promise.all([question, file, click].flatMap((event) => bots.map((handle) => handle(event))));
    // Delivered again later (Feishu retries an event it thinks was not received) to each replica.
    const again = await Promise.all([question, file, click].flatMap((event) => bots.map((handle) => handle(event))));

    expect(done.sort()).toEqual(['answer:任务6', 'click:ev_c1', 'files:om_f1', 'reply:om_q1']);
    const toasts = [...answers.slice(4), ...again.slice(4)].map((answer) => answer?.toast?.content);
    expect(toasts.sort()).toEqual(['已签收', '这次点击已处理过。', '这次点击已处理过。', '这次点击已处理过。']);
  });
});
