/** What real Feishu refuses in message content (content not a JSON string, cards over 30 KB or 200 elements): used by the loopback's IM routes. */
import { cardProblem } from './card-schema.js';
import type { RouteResult } from './server.js';

const CARD_MAX_BYTES = 30 * 1024;
const CARD_MAX_ELEMENTS = 200;

const invalid = (code: number, msg: string): RouteResult => ({ status: 400, body: { code, msg } });

function countElements(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + countElements(item), 0);
  if (!node || typeof node !== 'object') return 0;
  const own = typeof (node as { tag?: unknown }).tag === 'string' ? 1 : 0;
  return own + Object.values(node).reduce((n: number, value) => n + countElements(value), 0);
}

/** Every `<at …>` needs an id/ids/user_id/email attribute with an open_id, `all` or an email, and a closing `</at>`. */
export function malformedAt(text: string): string | null {
  const opens = [...text.matchAll(/<at\b([^>]*)>/g)];
  const closes = (text.match(/<\/at>/g) ?? []).length;
  if (opens.length !== closes) return `unbalanced <at> tags (${opens.length} open, ${closes} closed)`;
  for (const [tag, attrs] of opens) {
    const m = /\b(?:id|ids|user_id|email)\s*=\s*["']?([^"'\s>]+)/.exec(attrs);
    if (!m) return `${tag} has no id`;
    const ok = m[1].split(',').every((id) => /^(ou_[A-Za-z0-9]+|all|[^@\s]+@[^@\s]+)$/.test(id));
    if (!ok) return `${tag} names an invalid user`;
  }
  return null;
}

/**
 * Checks the `content` of a create/reply/patch; null when Feishu would accept it. The 30 KB limit is on the
 * request body (`rawBody`, where the card is a JSON-escaped string), per the create-message docs.
 */
export function checkContent(msgType: unknown, content: unknown, rawBody: string): RouteResult | null {
  if (typeof content !== 'string') return invalid(230001, 'invalid message content: content must be a JSON string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return invalid(230001, 'invalid message content: not valid JSON');
  }
  if (msgType === 'interactive') {
    if (Buffer.byteLength(rawBody, 'utf8') > CARD_MAX_BYTES) return invalid(230025, 'message content too long: request body exceeds 30KB');
    if (countElements(parsed) > CARD_MAX_ELEMENTS) return invalid(230099, 'Failed to create card content, ext=ErrCode: 11310; ErrMsg: element exceeds the limit');
    const problem = cardProblem(parsed);
    if (problem) return invalid(230099, `Failed to create card content, ext=ErrCode: 200621; ErrMsg: ${problem}`);
  }
  const bad = malformedAt(content.replace(/\\"/g, '"'));
  if (bad) return invalid(230099, `Failed to create card content, ext=ErrCode: 100290; ErrMsg: ${bad}`);
  return null;
}
