/**
 * The chat bot's single entry point: `handle(event)` for every transport (long connection, HTTP callback, tests).
 * A small chain: ignore-self → de-duplicate → allow-list → require-mention in groups → extract text → answer → reply.
 */
import type { Logger } from '../log/logger.js';
import type { Card } from '../render/card.js';
import { readInbound, type InboundMessage } from './inbound.js';
import { isBot, questionText } from './message-text.js';
import { compose, type Middleware } from './middleware.js';
import { createRecentIds } from './recent-ids.js';

export interface Asker {
  openId: string | null;
  chatId: string;
  chatType: 'p2p' | 'group';
}

export interface BotOptions {
  /** The bot's own open_id (getBotInfo); without it, any @-mention in a group counts as one to the bot. */
  botOpenId?: string;
  /** Produces the answer card (the same answers as `duban ask`). */
  answer: (question: string, asker: Asker) => Promise<Card>;
  /** When set, chats outside this list get no answer. */
  allowChats?: string[];
  /** Replies to the asking message, e.g. FeishuAppMessenger#replyCard. */
  replier: (messageId: string, card: Card, key: string) => Promise<unknown>;
  logger: Logger;
}

export interface Bot {
  /** Processes one event; never rejects (failures are logged). */
  handle(event: unknown): Promise<void>;
}

interface Context {
  message: InboundMessage;
  text: string;
}

// Retries come after 15 s, 5 min, 1 h and 6 h: remember message ids for 12 h.
const DEDUPE_CAPACITY = 5000;
const DEDUPE_TTL_MS = 12 * 60 * 60 * 1000;

/** Creates the bot. */
export function createBot(options: BotOptions): Bot {
  const { botOpenId, logger } = options;
  const recent = createRecentIds(DEDUPE_CAPACITY, DEDUPE_TTL_MS);
  const allow = options.allowChats?.length ? new Set(options.allowChats) : null;

  const ignoreSelf: Middleware<Context> = async ({ message }, next) => {
    if (message.senderType !== 'user' || (botOpenId && message.senderOpenId === botOpenId)) return;
    await next();
  };
  const dedupe: Middleware<Context> = async ({ message }, next) => {
    if (recent.seen(message.messageId)) return logger.debug('duplicate event ignored', { messageId: message.messageId });
    await next();
  };
  const allowList: Middleware<Context> = async ({ message }, next) => {
    if (allow && !allow.has(message.chatId)) return logger.info('message from a chat outside chats.allow ignored', { chat: message.chatId });
    await next();
  };
  const requireMention: Middleware<Context> = async ({ message }, next) => {
    if (message.chatType === 'group' && !message.mentions.some((m) => m.openId && isBot(m.openId, botOpenId))) return;
    await next();
  };
  const extractText: Middleware<Context> = async (ctx, next) => {
    const text = questionText(ctx.message, botOpenId);
    // Images, files and stickers carry no question; staying silent beats a reply nobody asked for.
    if (text === null) return logger.debug('message type not answered', { type: ctx.message.messageType });
    ctx.text = text;
    await next();
  };
  const answerAndReply: Middleware<Context> = async ({ message, text }) => {
    const asker: Asker = { openId: message.senderOpenId, chatId: message.chatId, chatType: message.chatType };
    const card = await options.answer(text, asker);
    await options.replier(message.messageId, card, `answer|${message.messageId}`);
    logger.info('question answered', { chat: message.chatId, messageId: message.messageId });
  };

  const chain = compose<Context>([ignoreSelf, dedupe, allowList, requireMention, extractText, answerAndReply]);

  return {
    async handle(event) {
      let message: InboundMessage | null = null;
      try {
        // Reading is inside the try too: the event is untrusted input and handle must never reject.
        message = readInbound(event);
        if (!message) return logger.debug('event without a message ignored');
        await chain({ message, text: '' });
      } catch (error) {
        logger.error('answering a message failed', { chat: message?.chatId, messageId: message?.messageId, error });
      }
    },
  };
}
