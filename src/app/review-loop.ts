/**
 * The 督办 loop's dependencies from the configuration, for the service and the office's commands alike: review cards
 * go to chats.office through the Feishu app when there is one; reviewers and liaisons are resolved as reminders are.
 */
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate } from '../domain/types.js';
import { FeishuAppMessenger } from '../feishu/app-messenger.js';
import type { Logger } from '../log/logger.js';
import { peopleFor } from '../review/people.js';
import type { ReviewDeps } from '../review/review-deps.js';
import type { LedgerSource } from '../sources/source.js';
import type { Store } from '../store/store.js';
import type { Delivery } from './delivery.js';
import type { Card } from '../render/card.js';
import type { ParsedLedger } from './read-ledger.js';
import { feishuReviewChat } from './review-chat.js';

/** Builds the loop's dependencies; without a Feishu app nothing is posted (requests are still recorded and decided). */
export function reviewDeps(args: {
  config: DubanConfig;
  store: Store;
  source: LedgerSource;
  ledgerFor: (today: IsoDate) => Promise<ParsedLedger>;
  delivery: Pick<Delivery, 'client' | 'resolveMentions'>;
  logger: Logger;
  now: () => Date;
  /** Marks a card before it is posted (the ledger in its buttons when a service follows several). */
  stamp?: (card: Card) => Card;
}): ReviewDeps {
  const { config, delivery, logger } = args;
  return {
    store: args.store,
    source: args.source,
    ledgerFor: args.ledgerFor,
    people: peopleFor(config.review.reviewers, delivery.resolveMentions),
    requireReview: config.review.requireReview,
    officeChat: config.chats.office ?? null,
    timezone: config.timezone,
    now: args.now,
    chat: delivery.client ? feishuReviewChat(new FeishuAppMessenger(delivery.client, logger), args.stamp) : null,
    logger,
  };
}
