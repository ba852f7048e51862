/** What the 督办 loop's use cases work with: the store, the ledger and its source, who is who, and the chat (when Feishu is on). */
import type { IsoDate, Ledger } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { Card } from '../render/card.js';
import type { LedgerSource } from '../sources/source.js';
import type { RequestKind, RequestRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { People } from './people.js';

/** The chat side: post the office's review card, update it in place, reply in a thread. Each returns the message id, or null when it failed (logged). */
export interface ReviewChat {
  post(chat: string, card: Card, key: string): Promise<string | null>;
  patch(messageId: string, card: Card): Promise<boolean>;
  reply(messageId: string, card: Card, key: string): Promise<string | null>;
}

/** A ledger as read for a date (the app's ReadLedger is one): the loop needs only its tasks and units. */
export interface ReadLedger {
  ledger: Ledger;
}

export interface ReviewDeps {
  store: Store;
  source: LedgerSource;
  ledgerFor: (today: IsoDate) => Promise<ReadLedger>;
  people: (parsed: ReadLedger) => Promise<People>;
  /** review.requireReview: the kinds that wait for a reviewer. */
  requireReview: readonly RequestKind[];
  /** chats.office: where review cards go. */
  officeChat: string | null;
  timezone: string;
  now: () => Date;
  /** Null without a Feishu app (the command line in local mode): nothing is posted. */
  chat: ReviewChat | null;
  logger: Logger;
}

/** What a use case answers: a toast or a reply card's title and lines (Chinese), and the request it concerns. */
export interface ReviewOutcome {
  ok: boolean;
  title: string;
  lines: string[];
  request?: RequestRecord;
}

/** A refusal or a problem, said to the person who asked; nothing was written. */
export const refused = (title: string, ...lines: string[]): ReviewOutcome => ({ ok: false, title, lines });
