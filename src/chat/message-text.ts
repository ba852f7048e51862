/** The question text of a message: text and post contents, with the bot's @-mention removed and others named. */
import type { InboundMessage } from './inbound.js';

// Untrusted JSON: any field may hold any type ("user_name": {"toString": 1} cannot even be joined as text).
type Segment = { tag?: unknown; text?: unknown; user_id?: unknown; user_name?: unknown };
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

function parse(content: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(content);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** An @ in a post: dropped for the bot and @all, else the person's name; `user_id` is an open_id or a text placeholder (@_user_1). */
function atText(segment: Segment, message: InboundMessage, botOpenId: string | undefined): string {
  const id = asString(segment.user_id);
  if (id === 'all' || id === 'all_members' || id === '@_all') return '';
  const mention = message.mentions.find((m) => m.key === id || m.openId === id);
  if (isBot(mention?.openId ?? id, botOpenId)) return '';
  return asString(segment.user_name) || mention?.name || '';
}

/** Post content: paragraphs of segments; received posts have no locale wrapper, but accept one anyway. */
function postText(post: Record<string, unknown>, message: InboundMessage, botOpenId: string | undefined): string {
  const body = Array.isArray(post.content) ? post : (Object.values(post).find((v) => v && typeof v === 'object' && Array.isArray((v as { content?: unknown }).content)) as Record<string, unknown> | undefined);
  const paragraphs = Array.isArray(body?.content) ? (body.content as Segment[][]) : [];
  const lines = paragraphs.map((segments) =>
    (Array.isArray(segments) ? segments : [])
      // text, a, md, code_block … carry `text`; img and media carry none.
      .map((s) => (s?.tag === 'at' ? atText(s, message, botOpenId) : asString(s?.text)))
      .join('')
      .trim(),
  );
  const title = typeof body?.title === 'string' ? body.title : '';
  return [title, ...lines].filter(Boolean).join('\n');
}

/**
 * The text to parse as a question, or null for message types the bot does not read (images, files …). Mentions of
 * the bot are dropped; other mentions become the person's name, so "@张三 的任务" keeps its meaning.
 */
export function questionText(message: InboundMessage, botOpenId: string | undefined): string | null {
  const content = parse(message.content);
  if (!content) return null;
  let text: string;
  if (message.messageType === 'text' && typeof content.text === 'string') {
    text = content.text.replace(/@_user_\d+|@_all/g, (key) => {
      const mention = message.mentions.find((m) => m.key === key);
      if (!mention || key === '@_all') return '';
      return isBot(mention.openId, botOpenId) ? '' : mention.name;
    });
  } else if (message.messageType === 'post') {
    text = postText(content, message, botOpenId);
  } else {
    return null;
  }
  return text.replace(/[ \t\u3000]+/g, ' ').trim();
}

/** Whether a mention points at the bot; without a known bot id, any mention counts (the platform only delivers group messages that @ the bot). */
export function isBot(openId: string | null, botOpenId: string | undefined): boolean {
  return botOpenId ? openId === botOpenId : true;
}
