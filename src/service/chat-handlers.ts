/** What the bot does with each kind of event: messages answered, files taken as evidence, card clicks toasted; event ids recorded in the store. */
import type { ChatHandlers } from './chat.js';
import { cardCommand } from '../review/card-commands.js';
import type { Loop } from '../review/loop.js';
import type { ReviewOutcome } from '../review/review-deps.js';
import type { Store } from '../store/store.js';
import { outcomeCard } from './chat-answer.js';

// Toasts are one short line on a phone screen.
const TOAST_CHARS = 120;

/** The toast text of an outcome: its title, and for a refusal the reason. */
export function toastText(outcome: ReviewOutcome): string {
  const text = outcome.ok ? outcome.title : [outcome.title, outcome.lines[0]].filter(Boolean).join('：');
  return text.length > TOAST_CHARS ? `${text.slice(0, TOAST_CHARS - 1)}…` : text;
}

/** The bot's handlers over the loop, the question answerer and the store. */
export function chatHandlers(args: { loop: Loop; answer: ChatHandlers['answer']; store: Pick<Store, 'recordEvent'> }): ChatHandlers {
  const { loop, store } = args;
  return {
    answer: args.answer,
    recordEvent: (id, at) => store.recordEvent(id, at),
    files: async (message, files) => {
      const outcome = await loop.evidence({
        messageId: message.messageId, chatId: message.chatId, senderOpenId: message.senderOpenId,
        rootId: message.rootId, parentId: message.parentId, at: message.at, files,
      });
      return outcome ? outcomeCard(outcome) : null;
    },
    cardAction: async (action) => {
      const command = cardCommand(action);
      if (!command) return { toast: { type: 'warning', content: '这个按钮已失效，请使用最新的卡片，或在群里发送文字命令。' } };
      const who = { openId: action.operatorOpenId, chat: action.chatId ?? undefined, messageId: action.messageId ?? undefined, via: 'card' as const };
      const outcome = await loop.command(command, who);
      return { toast: { type: outcome.ok ? 'success' : 'error', content: toastText(outcome) } };
    },
  };
}
