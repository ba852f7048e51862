import { describe, expect, it } from 'vitest';
import { createBot, type BotOptions } from '../../src/chat/bot.js';
import type { CardAction } from '../../src/chat/card-action.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Card } from '../../src/render/card.js';
import { cardActionEvent, fileMessageEvent } from '../support/feishu/events.js';
import { inMemoryEvents } from '../support/in-memory-events.js';

const click = (eventId: string) =>
  cardActionEvent({ eventId, operatorOpenId: 'ou_wang', value: { action: 'ack', task: '6' }, formValue: { note_6: '收到' }, messageId: 'om_card1', chatId: 'oc_group1' });

function bot(options: Partial<BotOptions> = {}) {
  const replies: { messageId: string; card: Card }[] = [];
  const seen: CardAction[] = [];
  const handle = createBot({
    botOpenId: 'ou_bot',
    logger: silentLogger,
    answer: async () => ({}),
    replier: async (messageId, card) => void replies.push({ messageId, card }),
    recordEvent: inMemoryEvents(),
    cardAction: async (action) => {
      seen.push(action);
      return { toast: { type: 'success', content: '已签收' } };
    },
    ...options,
  }).handle;
  return { handle, replies, seen };
}

describe('card clicks (card.action.trigger) in the bot', () => {
  it('reads the click (SDK-flattened or raw) and answers with the toast; a re-delivered event once', async () => {
    const { handle, seen } = bot();
    expect(await handle(click('ev_1'))).toEqual({ toast: { type: 'success', content: '已签收' } });
    const flattened = { ...click('ev_2').header as object, ...(click('ev_2').event as object), schema: '2.0' };
    expect(await handle(flattened)).toEqual({ toast: { type: 'success', content: '已签收' } });
    expect(await handle(click('ev_1'))).toEqual({ toast: { type: 'info', content: '这次点击已处理过。' } });
    expect(seen.map((a) => [a.eventId, a.operatorOpenId, a.value, a.form, a.messageId, a.chatId])).toEqual([
      ['ev_1', 'ou_wang', { action: 'ack', task: '6' }, { note_6: '收到' }, 'om_card1', 'oc_group1'],
      ['ev_2', 'ou_wang', { action: 'ack', task: '6' }, { note_6: '收到' }, 'om_card1', 'oc_group1'],
    ]);
  });

  it('answers in time when the work is slow, and lets the work finish afterwards', async () => {
    let finished = false;
    const { handle } = bot({
      answerWithinMs: 50,
      cardAction: async () => {
        await new Promise((r) => setTimeout(r, 300));
        finished = true;
        return { toast: { type: 'success', content: '已同意' } };
      },
    });
    expect(await handle(click('ev_slow'))).toEqual({ toast: { type: 'info', content: '已收到，正在处理，结果将更新在卡片或群消息中。' } });
    expect(finished).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(finished).toBe(true);
  });

  it('answers a failing handler with an error toast instead of no answer', async () => {
    const { handle } = bot({ cardAction: async () => Promise.reject(new Error('store locked')) });
    expect(await handle(click('ev_fail'))).toEqual({ toast: { type: 'error', content: '处理失败，请稍后重试或联系督办办公室。' } });
  });

  it('hands files in a group (no mention possible) to the evidence handler, and replies with what it says', async () => {
    const files: string[] = [];
    const { handle, replies } = bot({
      files: async (_message, found) => {
        files.push(...found.map((f) => `${f.name}:${f.fileKey}`));
        return { header: { title: { content: '佐证材料已收到' } } };
      },
    });
    await handle(fileMessageEvent({ messageId: 'om_f1', chatId: 'oc_group1', senderOpenId: 'ou_wang', file: { fileKey: 'file_1', fileName: '报告.pdf' }, parentId: 'om_req' }));
    await handle(fileMessageEvent({ messageId: 'om_f2', chatId: 'oc_group1', senderOpenId: 'ou_wang', file: { imageKey: 'img_1' } }));
    expect(files).toEqual(['报告.pdf:file_1', '图片:img_1']);
    expect(replies.map((r) => r.messageId)).toEqual(['om_f1', 'om_f2']);
  });
});
