/** The parts of an `im.message.receive_v1` event the bot uses, read defensively from untrusted input. */

export interface Mention {
  /** Placeholder in the text content, e.g. "@_user_1". */
  key: string;
  openId: string | null;
  name: string;
}

export interface InboundMessage {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  messageType: string;
  /** The raw `content` JSON string. */
  content: string;
  mentions: Mention[];
  senderOpenId: string | null;
  senderType: string;
  /** The thread: the first message of the reply chain, and the message replied to (null outside a thread). */
  rootId: string | null;
  parentId: string | null;
  /** When it was sent, as an ISO instant (now when the event does not say). */
  at: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Feishu's create_time (milliseconds as text) as an ISO instant; now when missing or unreadable. */
function instant(ms: unknown): string {
  const n = Number(ms);
  return new Date(Number.isFinite(n) && n > 0 ? n : Date.now()).toISOString();
}

/**
 * Reads a message event: either the SDK's flattened form (`{sender, message, event_id…}`, what EventDispatcher hands
 * a handler) or the raw schema 2.0 envelope (`{header, event}`). Null when it is not a usable message event.
 */
export function readInbound(event: unknown): InboundMessage | null {
  const root = obj(event);
  const body = 'event' in root && 'header' in root ? obj(root.event) : root;
  const message = obj(body.message);
  const sender = obj(body.sender);
  const messageId = str(message.message_id);
  const chatId = str(message.chat_id);
  if (!messageId || !chatId) return null;
  const mentions = Array.isArray(message.mentions) ? message.mentions.map(obj) : [];
  return {
    messageId,
    chatId,
    chatType: message.chat_type === 'p2p' ? 'p2p' : 'group',
    messageType: str(message.message_type) ?? 'unknown',
    content: str(message.content) ?? '',
    mentions: mentions.map((m) => ({ key: str(m.key) ?? '', openId: str(obj(m.id).open_id), name: str(m.name) ?? '' })),
    senderOpenId: str(obj(sender.sender_id).open_id),
    senderType: str(sender.sender_type) ?? 'user',
    rootId: str(message.root_id),
    parentId: str(message.parent_id),
    at: instant(message.create_time),
  };
}
