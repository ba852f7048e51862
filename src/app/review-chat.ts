/** The review's chat side on the Feishu app bot: review cards posted to the office chat and updated in place, replies in threads. */
import type { FeishuAppMessenger } from '../feishu/app-messenger.js';
import type { ReviewChat } from '../review/review-deps.js';
import type { Card } from '../render/card.js';

/** A ReviewChat over the app messenger: each call answers the message id, or null / false when Feishu refused (logged there). */
export function feishuReviewChat(messenger: FeishuAppMessenger, stamp: (card: Card) => Card = (card) => card): ReviewChat {
  return {
    post: async (chat, card, key) => (await messenger.send({ chat, card: stamp(card), key })).messageId,
    patch: async (messageId, card) => (await messenger.patchCard(messageId, stamp(card))).ok,
    reply: async (messageId, card, key) => (await messenger.replyCard(messageId, stamp(card), key)).messageId,
  };
}
