/** Telling people about a request: the office's review card (posted once, then updated in place) and replies to the requester's thread. */
import { wallClock } from '../calendar/zoned-time.js';
import type { Card } from '../render/card.js';
import type { DocSeverity } from '../render/doc.js';
import { renderDocCard } from '../render/render-card.js';
import { renderReviewCard } from '../render/review-card.js';
import type { RequestRecord } from '../store/records.js';
import type { ReviewDeps } from './review-deps.js';

/** An instant as local "YYYY-MM-DD HH:MM". */
export function localTime(iso: string, timezone: string): string {
  const { date, time } = wallClock(new Date(iso), timezone);
  return `${date} ${time}`;
}

/** A short card of lines: the bot's replies to liaisons and reviewers. */
export function noticeCard(title: string, lines: string[], severity: DocSeverity): Card {
  return renderDocCard({ title, severity, summary: lines[0] ?? title, blocks: [{ kind: 'list', items: lines.map((l) => [l]) }] });
}

/**
 * Shows the request on its review card in the office chat: posts it the first time (remembering the message), then
 * updates that message in place. Without a chat or an office chat, nothing is shown (the command line lists requests).
 */
export async function showReviewCard(deps: ReviewDeps, request: RequestRecord, title: string | null): Promise<void> {
  const { chat, officeChat, store, timezone } = deps;
  if (!chat) return;
  const card = renderReviewCard({ request, title, time: (iso) => localTime(iso, timezone) });
  if (request.cardMessageId) {
    if (!(await chat.patch(request.cardMessageId, card))) deps.logger.warn('review.card_not_updated', { request: request.id, hint: 'the review card could not be updated; `duban requests` shows the decision' });
    return;
  }
  if (!officeChat) {
    deps.logger.warn('review.no_office_chat', { request: request.id, setting: 'chats.office', hint: 'set chats.office so requests reach the office; until then see `duban requests`' });
    return;
  }
  const messageId = await chat.post(officeChat, card, `review|${request.id}`);
  if (messageId) await store.setRequestCard(request.id, messageId);
}

/** Replies in the thread the request was made in (the bot's confirmation, else the liaison's message or card). */
export async function tellRequester(deps: ReviewDeps, request: RequestRecord, card: Card, key: string): Promise<void> {
  const target = request.replyMessageId ?? request.sourceMessageId;
  if (deps.chat && target) await deps.chat.reply(target, card, key);
}
