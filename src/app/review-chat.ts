/** The review's chat side on the Feishu app bot: review cards posted to the office chat and updated in place, replies in threads. */
import type { FeishuAppMessenger } from '../feishu/app-messenger.js';
import type { ReviewChat } from '../review/review-deps.js';

/** A ReviewChat over the app messenger: each call answers the message id, or null / false when Feishu refused (logged there). */
export function feishuReviewChat(messenger: FeishuAppMessenger): ReviewChat {
  return {
    post: async (chat, card, key) => (await messenger.send({ chat, card, key })).messageId,
    patch: async (messageId, card) => (await messenger.patchCard(messageId, card)).ok,
    reply: async (messageId, card, key) => (await messenger.replyCard(messageId, card, key)).messageId,
  };
}
