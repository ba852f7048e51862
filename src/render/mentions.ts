/** @-mentions in cards: an account resolved to an open_id, or a plain "@姓名". */
import type { Mention } from '../reports/reminder-types.js';
import { escapeCardMarkdown } from './escape.js';

/** Account (email, mobile or open_id) → open_id, as resolved by the Feishu client before rendering. */
export type MentionIds = ReadonlyMap<string, string>;

const OPEN_ID = /^ou_[A-Za-z0-9_-]+$/;

/** The open_id to @ for an account: itself when it is one, else the resolved id; null when unknown. */
export function openIdFor(account: string, mentionIds?: MentionIds): string | null {
  if (OPEN_ID.test(account)) return account;
  const resolved = mentionIds?.get(account);
  return resolved && OPEN_ID.test(resolved) ? resolved : null;
}

/** Card markdown for a mention: `<at id=ou_…></at>`, or a plain "@姓名" (no notification) without an open_id. */
export function cardMention(mention: Mention, mentionIds?: MentionIds): string {
  const id = openIdFor(mention.account, mentionIds);
  return id ? `<at id=${id}></at>` : `@${escapeCardMarkdown(mention.name)}`;
}
