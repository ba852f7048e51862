/**
 * The chat bot's single entry point: `handle(event)` for every transport (long connection, HTTP callback, tests).
 * Messages run a small chain: ignore-self → de-duplicate (by message_id, in the store) → allow-list → files (evidence)
 * → require-mention in groups → extract text → answer → reply. A card button's callback (card.action.trigger) is
 * de-duplicated by event_id and answered with a toast within Feishu's 3 seconds; slower work finishes afterwards.
 */
import type { Logger } from '../log/logger.js';
import type { Card } from '../render/card.js';
import { readCardAction, type CardAction } from './card-action.js';
import { readInbound, type InboundMessage } from './inbound.js';
import { messageFiles, type MessageFile } from './message-files.js';
import { isBot, questionText } from './message-text.js';
import { compose, type Middleware } from './middleware.js';

export interface Asker {
  openId: string | null;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** The asking message: a request made with it takes it as its thread. */
  messageId: string;
}

/** The answer to a card callback: a toast (Feishu shows it to the person who clicked). */
export interface CardAnswer {
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
}

export interface BotOptions {
  /** The bot's own open_id (getBotInfo); without it, any @-mention in a group counts as one to the bot. */
  botOpenId?: string;
  /** Produces the answer card (the same answers as `duban ask`, and the loop's commands). */
  answer: (question: string, asker: Asker) => Promise<Card>;
  /** Files or images sent in a chat (evidence): the reply card, or null to stay silent. */
  files?: (message: InboundMessage, files: MessageFile[]) => Promise<Card | null>;
  /** A card button clicked: the toast to show. */
  cardAction?: (action: CardAction) => Promise<CardAnswer>;
  /** When set, chats outside this list get no answer. */
  allowChats?: string[];
  /** Replies to the asking message, e.g. FeishuAppMessenger#replyCard. */
  replier: (messageId: string, card: Card, key: string) => Promise<unknown>;
  /** True the first time an event id is seen (the store's recordEvent): Feishu delivers at least once. */
  recordEvent: (id: string, at: string) => Promise<boolean>;
  /** How long a click's work may run before the toast says it is still in hand; 2500 ms (Feishu waits 3 s). */
  answerWithinMs?: number;
  logger: Logger;
}

export interface Bot {
  /** Processes one event; never rejects (failures are logged). Resolves to the answer of a card callback. */
  handle(event: unknown): Promise<CardAnswer | undefined>;
}

interface Context {
  message: InboundMessage;
  text: string;
}

const STILL_WORKING: CardAnswer = { toast: { type: 'info', content: '已收到，正在处理，结果将更新在卡片或群消息中。' } };
const ALREADY_HANDLED: CardAnswer = { toast: { type: 'info', content: '这次点击已处理过。' } };
const FAILED: CardAnswer = { toast: { type: 'error', content: '处理失败，请稍后重试或联系督办办公室。' } };

/** Creates the bot. */
export function createBot(options: BotOptions): Bot {
  const { botOpenId, logger } = options;
  const allow = options.allowChats?.length ? new Set(options.allowChats) : null;
  const answerWithin = options.answerWithinMs ?? 2500;

  const ignoreSelf: Middleware<Context> = async ({ message }, next) => {
    if (message.senderType !== 'user' || (botOpenId && message.senderOpenId === botOpenId)) return;
    await next();
  };
  const dedupe: Middleware<Context> = async ({ message }, next) => {
    if (!(await options.recordEvent(message.messageId, new Date().toISOString()))) return logger.debug('duplicate event ignored', { messageId: message.messageId });
    await next();
  };
  const allowList: Middleware<Context> = async ({ message }, next) => {
    if (allow && !allow.has(message.chatId)) return logger.info('message from a chat outside chats.allow ignored', { chat: message.chatId });
    await next();
  };
  // Files cannot @-mention anyone: in a group they reach the bot only with the permission to read all group messages.
  const files: Middleware<Context> = async ({ message }, next) => {
    const found = messageFiles(message);
    if (found.length === 0 || !options.files) return next();
    const card = await options.files(message, found);
    if (card) await options.replier(message.messageId, card, `files|${message.messageId}`);
  };
  const requireMention: Middleware<Context> = async ({ message }, next) => {
    if (message.chatType === 'group' && !message.mentions.some((m) => m.openId && isBot(m.openId, botOpenId))) return;
    await next();
  };
  const extractText: Middleware<Context> = async (ctx, next) => {
    const text = questionText(ctx.message, botOpenId);
    // Stickers and the like carry no question; staying silent beats a reply nobody asked for.
    if (text === null) return logger.debug('message type not answered', { type: ctx.message.messageType });
    ctx.text = text;
    await next();
  };
  const answerAndReply: Middleware<Context> = async ({ message, text }) => {
    const asker: Asker = { openId: message.senderOpenId, chatId: message.chatId, chatType: message.chatType, messageId: message.messageId };
    const card = await options.answer(text, asker);
    await options.replier(message.messageId, card, `answer|${message.messageId}`);
    logger.info('question answered', { chat: message.chatId, messageId: message.messageId });
  };

  const chain = compose<Context>([ignoreSelf, dedupe, allowList, files, requireMention, extractText, answerAndReply]);

  /** A click: once per event_id, answered within the time limit (the work goes on when it takes longer). */
  const click = async (action: CardAction): Promise<CardAnswer> => {
    if (!(await options.recordEvent(action.eventId, new Date().toISOString()))) return ALREADY_HANDLED;
    if (allow && action.chatId && !allow.has(action.chatId)) return {};
    if (!options.cardAction) return {};
    const work = options.cardAction(action).catch((error: unknown) => {
      logger.error('card action failed', { eventId: action.eventId, error });
      return FAILED;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CardAnswer>((resolve) => (timer = setTimeout(() => resolve(STILL_WORKING), answerWithin)));
    const answer = await Promise.race([work, late]);
    clearTimeout(timer);
    return answer;
  };

  return {
    async handle(event) {
      let message: InboundMessage | null = null;
      let action: CardAction | null = null;
      try {
        // Reading is inside the try too: the event is untrusted input and handle must never reject.
        action = readCardAction(event);
        if (action) return await click(action);
        message = readInbound(event);
        if (!message) {
          logger.debug('event without a message ignored');
          return undefined;
        }
        await chain({ message, text: '' });
        return undefined;
      } catch (error) {
        logger.error('handling an event failed', { chat: message?.chatId, messageId: message?.messageId, error });
        return action ? FAILED : undefined;
      }
    },
  };
}
