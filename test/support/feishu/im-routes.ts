/**
 * IM routes of the loopback: messages create/reply with one-hour uuid de-duplication, card updates (PATCH) with
 * Feishu's rules, in-app 加急 (urgent_app), a chat's message list (cards shown in Feishu's own rendering: title and
 * text, no uuid), the chat list and bot info, plus 230002 for chats the bot is not a member of and 230011 for a reply
 * to a message the chat does not hold (a user's message exists only once a test says it was sent: `userMessage`);
 * file uploads (im/v1/files, multipart: file_type, file_name and a file part with its filename, 1 byte to 30 MB) and
 * file messages of uploaded file_keys.
 */
import type { FeishuRoute, RouteContext, RouteResult } from './server.js';
import { checkContent } from './card-checks.js';
import type { FormBody } from './multipart.js';

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
  /** Who is in each chat (open_ids), for 加急; a chat not listed counts everyone as a member. */
  members?: Record<string, string[]>;
}

/** One accepted card update. */
export interface CardPatch {
  message_id: string;
  content: string;
  at: number;
}

/** One accepted 加急 request. */
export interface Urgent {
  message_id: string;
  user_id_list: string[];
  invalid: string[];
}

/** A file uploaded through im/v1/files. */
export interface UploadedFile {
  fileKey: string;
  type: string;
  name: string;
  data: Buffer;
}

export interface ImState {
  routes: FeishuRoute[];
  /** Uploaded files by file_key. */
  files: Map<string, UploadedFile>;
  /** Every message created or replied, in order (each uuid once). */
  messages: StoredMessage[];
  /** Messages posted to a chat (replies included). */
  inChat(chatId: string): StoredMessage[];
  /** Records the user's message of a receive_v1 event as sent in its chat (so the bot may reply to it); returns the event. */
  userMessage<E>(event: E): E;
  /** Replies to a message. */
  repliesTo(messageId: string): StoredMessage[];
  /** Every accepted card update, in order. */
  patches: CardPatch[];
  urgents: Urgent[];
  /** Makes a message `days` old (Feishu refuses to update cards older than 14 days). */
  age(messageId: string, days: number): void;
  /** Forgets every uuid, as Feishu does an hour after a send. */
  forgetUuids(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PATCH_WINDOW_DAYS = 14;
const PATCHES_PER_SECOND = 5;
const URGENT_MAX_USERS = 200;

/** A card's update_multi flag; JSON 2.0 cards are always shared. */
function sharedCard(content: string): boolean {
  try {
    const card = JSON.parse(content) as { schema?: string; config?: { update_multi?: boolean } };
    return card.schema === '2.0' || card.config?.update_multi === true;
  } catch {
    return false;
  }
}

const UUID_TTL_MS = 60 * 60 * 1000;
const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);
const FILE_MAX_BYTES = 30 * 1024 * 1024;
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
  const patches: CardPatch[] = [];
  const urgents: Urgent[] = [];
  /** Message ids users sent (not the bot's): they may be replied to, but are not in `messages`. */
  const fromUsers = new Map<string, string>();
  const byUuid = new Map<string, { message: StoredMessage; at: number }>();
  const members = new Set(options.chats.map((c) => c.chat_id));
  const bot = options.bot ?? { open_id: 'ou_loopbackbot0001', app_name: 'duban-loopback' };
  let counter = 0;
  const files = new Map<string, UploadedFile>();

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
    if (msgType === 'file' && !files.has(String(JSON.parse(content).file_key))) {
      return { status: 400, body: { code: 230001, msg: 'invalid message content: file_key not found (upload the file first)' } };
    }
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

  const upload = (ctx: RouteContext): RouteResult => {
    const form = ctx.body as FormBody | undefined;
    const invalid = (code: number, msg: string): RouteResult => ({ status: 400, body: { code, msg } });
    if (!form?.fields || !form.files) return invalid(234001, 'Invalid request param: expected multipart/form-data');
    const { file_type: type, file_name: name } = form.fields;
    if (!FILE_TYPES.has(type)) return invalid(234001, `Invalid request param: file_type ${type}`);
    if (!name) return invalid(234001, 'Invalid request param: file_name is required');
    const file = form.files.file;
    if (!file?.filename) return invalid(234001, 'Invalid request param: the file part has no filename');
    if (file.data.length === 0) return invalid(234010, 'File size is 0');
    if (file.data.length > FILE_MAX_BYTES) return invalid(234006, 'The file size exceed the max value');
    const fileKey = `file_v3_loopback${String(files.size + 1).padStart(6, '0')}`;
    files.set(fileKey, { fileKey, type, name, data: file.data });
    return { body: { code: 0, msg: 'success', data: { file_key: fileKey } } };
  };

  const routes: FeishuRoute[] = [
    { method: 'POST', path: '/open-apis/im/v1/files', handle: upload },
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
        if (!message) return { status: 400, body: { code: 230001, msg: 'invalid message_id: not a message this app sent' } };
        if (message.msg_type !== 'interactive') return { status: 400, body: { code: 230001, msg: 'only card (interactive) messages can be updated' } };
        if (Date.now() - Number(message.create_time) > PATCH_WINDOW_DAYS * DAY_MS) return { status: 400, body: { code: 230031, msg: 'the message is older than 14 days and can no longer be updated' } };
        const now = Date.now();
        if (patches.filter((p) => p.message_id === message.message_id && now - p.at < 1000).length >= PATCHES_PER_SECOND) {
          return { status: 400, body: { code: 230020, msg: 'This operation triggers the frequency limit.' } };
        }
        const refused = checkContent(message.msg_type, ctx.body?.content, ctx.rawBody);
        if (refused) return refused;
        if (!sharedCard(message.content) || !sharedCard(ctx.body.content)) {
          return { status: 400, body: { code: 230001, msg: 'a card can be updated only when update_multi is true before and after' } };
        }
        message.content = ctx.body.content;
        message.update_time = String(now);
        patches.push({ message_id: message.message_id, content: ctx.body.content, at: now });
        return { body: { code: 0, msg: 'success', data: {} } };
      },
    },
    {
      method: 'PATCH',
      path: '/open-apis/im/v1/messages/:message_id/urgent_app',
      handle: (ctx) => {
        if (ctx.query.get('user_id_type') !== 'open_id') return { status: 400, body: { code: 99992402, msg: 'field validation failed: user_id_type' } };
        const message = messages.find((m) => m.message_id === ctx.params.message_id);
        if (!message) return { status: 400, body: { code: 230012, msg: "only the bot's own messages can be sent as urgent" } };
        const users: unknown = ctx.body?.user_id_list;
        if (!Array.isArray(users) || users.length === 0 || users.length > URGENT_MAX_USERS || !users.every((u) => typeof u === 'string')) {
          return { status: 400, body: { code: 99992402, msg: 'field validation failed: user_id_list (1-200 open_ids)' } };
        }
        const inChat = options.members?.[message.chat_id];
        const invalid = inChat ? users.filter((u) => !inChat.includes(u)) : [];
        if (invalid.length === users.length) return { status: 400, body: { code: 230001, msg: 'none of the users can receive this urgent message' } };
        urgents.push({ message_id: message.message_id, user_id_list: users, invalid });
        return { body: { code: 0, msg: 'success', data: { invalid_user_id_list: invalid } } };
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
    files,
    messages,
    inChat: (chatId) => messages.filter((m) => m.chat_id === chatId),
    userMessage(event) {
      const body = (event as { event?: { message?: { message_id?: string; chat_id?: string } } }).event?.message;
      if (!body?.message_id || !body.chat_id) throw new Error('userMessage needs a schema 2.0 receive_v1 event with message_id and chat_id');
      fromUsers.set(body.message_id, body.chat_id);
      return event;
    },
    repliesTo: (messageId) => messages.filter((m) => m.parent_id === messageId),
    patches,
    urgents,
    age(messageId, days) {
      const message = messages.find((m) => m.message_id === messageId);
      if (message) message.create_time = String(Number(message.create_time) - days * DAY_MS);
    },
    forgetUuids: () => byUuid.clear(),
  };
}
