/** The question text of a message: text and post contents, with the bot's @-mention removed and others named. */
import type { InboundMessage } from './inbound.js';

type Segment = { tag?: string; text?: string; user_id?: string; user_name?: string };

function parse(content: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(content);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** Post content: paragraphs of segments; received posts have no locale wrapper, but accept one anyway. */
function postText(post: Record<string, unknown>, botOpenId: string | undefined): string {
  const body = Array.isArray(post.content) ? post : (Object.values(post).find((v) => v && typeof v === 'object' && Array.isArray((v as { content?: unknown }).content)) as Record<string, unknown> | undefined);
  const paragraphs = Array.isArray(body?.content) ? (body.content as Segment[][]) : [];
  const lines = paragraphs.map((segments) =>
    (Array.isArray(segments) ? segments : [])
      .map((s) => (s.tag === 'at' ? (s.user_id === botOpenId ? '' : (s.user_name ?? '')) : s.tag === 'text' || s.tag === 'a' ? (s.text ?? '') : ''))
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
    text = postText(content, botOpenId);
  } else {
    return null;
  }
  return text.replace(/[ \t\u3000]+/g, ' ').trim();
}

/** Whether a mention points at the bot; without a known bot id, any mention counts (the platform only delivers group messages that @ the bot). */
export function isBot(openId: string | null, botOpenId: string | undefined): boolean {
  return botOpenId ? openId === botOpenId : true;
}
