/** A ReviewChat that records what the loop posts, updates and replies, and can be told to fail. */
import type { Card } from '../../src/render/card.js';
import type { ReviewChat } from '../../src/review/review-deps.js';

export interface RecordingChat extends ReviewChat {
  posts: { chat: string; card: Card; key: string; messageId: string }[];
  patches: { messageId: string; card: Card }[];
  replies: { to: string; card: Card; key: string; messageId: string }[];
  /** The text of a card's markdown elements, joined. */
  text(card: Card): string;
}

/** A recording chat; message ids are om_chat1, om_chat2 … */
export function recordingChat(): RecordingChat {
  let n = 0;
  const next = () => `om_chat${++n}`;
  const chat: RecordingChat = {
    posts: [],
    patches: [],
    replies: [],
    post: async (to, card, key) => {
      const messageId = next();
      chat.posts.push({ chat: to, card, key, messageId });
      return messageId;
    },
    patch: async (messageId, card) => {
      chat.patches.push({ messageId, card });
      return true;
    },
    reply: async (to, card, key) => {
      const messageId = next();
      chat.replies.push({ to, card, key, messageId });
      return messageId;
    },
    text: (card) => JSON.stringify(card),
  };
  return chat;
}
