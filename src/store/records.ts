/** The rows the store keeps, as the rest of duban sees them. */
import type { OutgoingFile } from '../delivery/messenger.js';
import type { Card } from '../render/card.js';
import type { IsoDate } from '../domain/types.js';
import type { RequestKind, RequestRecord, RequestStatus } from '../domain/requests.js';
import type { ReminderKind } from '../reports/reminder-types.js';

export type RunStatus = 'started' | 'done' | 'failed' | 'skipped';

/** One run of a job on a date: at most one per (job, date). Times are ISO 8601 instants. */
export interface RunRecord {
  job: string;
  date: IsoDate;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  detail: string | null;
}

export type MessageOutcome = 'pending' | 'sent' | 'failed';

/** One message of a run, to one chat; the card is stored so a rerun resends exactly the same content. */
export interface MessageRecord {
  job: string;
  date: IsoDate;
  chat: string;
  key: string;
  card: Card;
  /** The file posted before the card, if any. */
  file: OutgoingFile | null;
  messageId: string | null;
  /** The idempotency uuid Feishu de-duplicates on (null for webhooks and before the first send). */
  uuid: string | null;
  outcome: MessageOutcome;
  error: string | null;
  at: string;
  /**
   * When a send was first attempted (before the request left): past Feishu's one-hour uuid memory, a message attempted
   * but not recorded as sent may already be in the chat, and is looked for there before it is sent again.
   */
  attemptedAt: string | null;
}

/** A task reminded in a message: which unit, which chat, whom it mentioned, and why. */
export interface ReminderEntry {
  taskId: string;
  unit: string;
  chat: string;
  /** Accounts @-mentioned (liaison, the unit's leader on escalation). */
  mentions: string[];
  kind: ReminderKind;
}

/** A reminder-log row with the delivery outcome of its message, for `duban history`. */
export interface ReminderRecord extends ReminderEntry {
  date: IsoDate;
  job: string;
  outcome: MessageOutcome;
  messageId: string | null;
  at: string;
}

/** A once-only notice (unknown holiday year, a sheet-problems fingerprint), or a remembered value. */
export interface NoticeRecord {
  key: string;
  date: IsoDate;
  value: string | null;
}

/** The 督办 loop's records live with the domain types (render and review read them too); the store keeps them. */
export type { AckRecord, Evidence, RequestKind, RequestRecord, RequestStatus } from '../domain/requests.js';

/** A new request: the store gives it its id and its (empty) evidence; pending unless said otherwise. */
export type NewRequest = Omit<RequestRecord, 'id' | 'status' | 'evidence'> & { status?: RequestStatus };

export interface RequestFilter {
  status?: RequestStatus;
  taskId?: string;
  kind?: RequestKind;
  /** Requests made at or after this instant. */
  since?: string;
}

/** The office's decision; `failed` when carrying it out (the write-back) failed, so it can be retried. */
export interface RequestDecision {
  status: 'approved' | 'rejected' | 'failed';
  by: string;
  at: string;
  /** Why it was sent back (退回): kept as the request's decisionReason. */
  reason?: string;
  error?: string;
  /** When the ledger was written (an approval). */
  writtenAt?: string;
}

export interface AckFilter {
  taskId?: string;
  unit?: string;
  since?: string;
}

/** Which replica holds the run of a job on a date for a ledger, until when (ISO instants). */
export interface LeaseRecord {
  ledger: string;
  job: string;
  date: IsoDate;
  replica: string;
  acquiredAt: string;
  expiresAt: string;
}
