/**
 * IM routes of the loopback: messages create/reply/patch with one-hour uuid de-duplication, a chat's message list
 * (cards shown in Feishu's own rendering: title and text, no uuid), the chat list and bot info, plus 230002 for chats
 * the bot is not a member of and 230011 for a reply to a message the chat does not hold (a user's message exists only
 * once a test says it was sent: `userMessage`).
 */
import type { FeishuRoute, RouteContext, RouteResult } from './server.js';
import { checkContent } from './card-checks.js';

export interface StoredMessage {
  message_id: string;
  chat_id: string;
  msg_type: string;
  content: string;
  /** Set for replies. */
  parent_id?: string;
  uuid?: string;
  create_time: string;
  update_time: string;
}

export interface ImOptions {
  /** Chats the bot is in, with names; sending elsewhere answers 230002. */
  chats: { chat_id: string; name: string }[];
  bot?: { open_id: string; app_name: string };
  /** Answer an empty chat list with `items: null` (a variant the SDK typings allow). */
  emptyItemsNull?: boolean;
}

export interface ImState {
  routes: FeishuRoute[];
  /** Every message created or replied, in order (each uuid once). */
  messages: StoredMessage[];
  /** Messages posted to a chat (replies included). */
  inChat(chatId: string): StoredMessage[];
  /** Records the user's message of a receive_v1 event as sent in its chat (so the bot may reply to it); returns the event. */
  userMessage<E>(event: E): E;
  /** Replies to a message. */
  repliesTo(messageId: string): StoredMessage[];
  /** Forgets every uuid, as Feishu does an hour after a send. */
  forgetUuids(): void;
}

const UUID_TTL_MS = 60 * 60 * 1000;
const BOT_APP_ID = 'cli_a1b2c3d4e5f60718';

/** A card as the message list shows it: its title and its text, not the JSON that was sent. */
function rendered(content: string): string {
  const card = JSON.parse(content) as { header?: { title?: { content?: string } }; body?: { elements?: { content?: string }[] } };
  const text = (card.body?.elements ?? []).map((e) => e.content ?? '').filter(Boolean).join('\n');
  return JSON.stringify({ title: card.header?.title?.content ?? '', elements: [[{ tag: 'text', text }]] });
}

/** One item of the message list, as Feishu answers it (sender: the app; no uuid). */
function listed(m: StoredMessage) {
  return {
    message_id: m.message_id, msg_type: m.msg_type, create_time: m.create_time, update_time: m.update_time, deleted: false, updated: false,
    chat_id: m.chat_id, sender: { id: BOT_APP_ID, id_type: 'app_id', sender_type: 'app', tenant_key: 'loopback' },
    body: { content: m.msg_type === 'interactive' ? rendered(m.content) : m.content },
  };
}

/** Creates the IM routes and the state they record. */
export function createImRoutes(options: ImOptions): ImState {
  const messages: StoredMessage[] = [];
  /** Message ids users sent (not the bot's): they may be replied to, but are not in `messages`. */
  const fromUsers = new Map<string, string>();
  const byUuid = new Map<string, { message: StoredMessage; at: number }>();
  const members = new Set(options.chats.map((c) => c.chat_id));
  const bot = options.bot ?? { open_id: 'ou_loopbackbot0001', app_name: 'duban-loopback' };
  let counter = 0;

  const ok = (message: StoredMessage): RouteResult => ({
    body: { code: 0, msg: 'success', data: { ...message, body: { content: message.content } } },
  });

  const store = (ctx: RouteContext, chatId: string, parentId?: string): RouteResult => {
    const { msg_type: msgType, content, uuid } = ctx.body ?? {};
    if (typeof uuid === 'string' && uuid.length > 50) return { status: 400, body: { code: 230001, msg: 'invalid uuid: longer than 50' } };
    const previous = typeof uuid === 'string' ? byUuid.get(uuid) : undefined;
    if (previous && Date.now() - previous.at < UUID_TTL_MS) return ok(previous.message);
    const refused = checkContent(msgType, content, ctx.rawBody);
    if (refused) return refused;
    counter += 1;
    const now = String(Date.now());
    const message: StoredMessage = {
      message_id: `om_loopback${counter.toString().padStart(8, '0')}`,
      chat_id: chatId,
      msg_type: String(msgType),
      content,
      parent_id: parentId,
      uuid,
      create_time: now,
      update_time: now,
    };
    messages.push(message);
    if (typeof uuid === 'string') byUuid.set(uuid, { message, at: Date.now() });
    return ok(message);
  };

  const routes: FeishuRoute[] = [
    {
      method: 'POST',
      path: '/open-apis/im/v1/messages',
      handle: (ctx) => {
        if (ctx.query.get('receive_id_type') !== 'chat_id') return { status: 400, body: { code: 230001, msg: 'receive_id_type must be chat_id here' } };
        const chatId = ctx.body?.receive_id;
        if (typeof chatId !== 'string' || !members.has(chatId)) {
          return { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } };
        }
        return store(ctx, chatId);
      },
    },
    {
      method: 'POST',
      path: '/open-apis/im/v1/messages/:message_id/reply',
      handle: (ctx) => {
        const parent = ctx.params.message_id;
        if (!parent.startsWith('om_')) return { status: 400, body: { code: 230001, msg: 'invalid message_id' } };
        const chatId = messages.find((m) => m.message_id === parent)?.chat_id ?? fromUsers.get(parent);
        if (!chatId) return { status: 400, body: { code: 230011, msg: 'The message was withdrawn or does not exist.' } };
        return store(ctx, chatId, parent);
      },
    },
    {
      method: 'PATCH',
      path: '/open-apis/im/v1/messages/:message_id',
      handle: (ctx) => {
        const message = messages.find((m) => m.message_id === ctx.params.message_id);
        if (!message) return { status: 400, body: { code: 230001, msg: 'message not found' } };
        const refused = checkContent(message.msg_type, ctx.body?.content, ctx.rawBody);
        if (refused) return refused;
        message.content = ctx.body.content;
        message.update_time = String(Date.now());
        return { body: { code: 0, msg: 'success', data: {} } };
      },
    },
    {
      method: 'GET',
      path: '/open-apis/im/v1/chats',
      handle: (ctx) => {
        const size = Math.min(100, Number(ctx.query.get('page_size') ?? 20));
        const start = Number(ctx.query.get('page_token') ?? 0);
        const items = options.chats.slice(start, start + size).map((c) => ({ ...c, chat_status: 'normal' }));
        const hasMore = start + size < options.chats.length;
        // page_token comes only with has_more (the documented contract).
        const data = { items: items.length === 0 && options.emptyItemsNull ? null : items, has_more: hasMore, ...(hasMore ? { page_token: String(start + size) } : {}) };
        return { body: { code: 0, msg: 'success', data } };
      },
    },
    { method: 'GET', path: '/open-apis/bot/v3/info', handle: () => ({ body: { code: 0, msg: 'ok', bot: { ...bot, activate_status: 2 } } }) },
    {
      method: 'GET',
      path: '/open-apis/im/v1/messages',
      handle: (ctx) => {
        if (ctx.query.get('container_id_type') !== 'chat') return { status: 400, body: { code: 230001, msg: 'container_id_type must be chat' } };
        const chatId = ctx.query.get('container_id') ?? '';
        if (!members.has(chatId)) return { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } };
        const from = Number(ctx.query.get('start_time') ?? 0) * 1000;
        const size = Math.min(50, Number(ctx.query.get('page_size') ?? 20));
        const start = Number(ctx.query.get('page_token') ?? 0);
        const inRange = messages.filter((m) => m.chat_id === chatId && Number(m.create_time) >= from);
        const items = inRange.slice(start, start + size).map(listed);
        const hasMore = start + size < inRange.length;
        return { body: { code: 0, msg: 'success', data: { items, has_more: hasMore, ...(hasMore ? { page_token: String(start + size) } : {}) } } };
      },
    },
  ];

  return {
    routes,
    messages,
    inChat: (chatId) => messages.filter((m) => m.chat_id === chatId),
    userMessage(event) {
      const body = (event as { event?: { message?: { message_id?: string; chat_id?: string } } }).event?.message;
      if (!body?.message_id || !body.chat_id) throw new Error('userMessage needs a schema 2.0 receive_v1 event with message_id and chat_id');
      fromUsers.set(body.message_id, body.chat_id);
      return event;
    },
    repliesTo: (messageId) => messages.filter((m) => m.parent_id === messageId),
    forgetUuids: () => byUuid.clear(),
  };
}
