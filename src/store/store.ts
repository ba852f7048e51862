/**
 * The store's one interface: runs, messages, snapshots, the reminder log, notices, the office's requests and
 * acknowledgements, incoming-event ids, and the leases and locks that let two replicas share one database. Every
 * method is asynchronous; SQLite (the embedded default) and PostgreSQL implement it with the same SQL (sql-store.ts).
 */
import type { OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import type {
  AckFilter, AckRecord, Evidence, LeaseRecord, MessageOutcome, MessageRecord, NewRequest, NoticeRecord, ReminderEntry,
  ReminderRecord, RequestDecision, RequestFilter, RequestRecord, RunRecord, RunStatus,
} from './records.js';

/** The ledger a store addresses unless told otherwise (the single-ledger configuration names its ledger so). */
export { DEFAULT_LEDGER } from '../config/ledger-entries.js';

export type StoreBackend = 'sqlite' | 'postgresql';

export interface Store {
  /** Where the state lives: the database file, or the database URL with its password masked. */
  readonly path: string;
  readonly backend: StoreBackend;
  /** The ledger this view's runs, messages, reminders, snapshots, notices, requests and acknowledgements belong to. */
  readonly ledger: string;
  /** The same store (same connection: closing any view closes it) for another ledger. */
  forLedger(ledger: string): Store;

  getRun(job: string, date: IsoDate): Promise<RunRecord | null>;
  /** The latest run (by date) of each job. */
  lastRuns(): Promise<RunRecord[]>;
  /**
   * Records a run as started with all of its messages (pending) and reminder entries, in one transaction.
   * Messages already recorded for (job, date, chat) and reminders already logged for (task, unit, date) are kept.
   */
  startRun(job: string, date: IsoDate, at: string, messages: OutgoingMessage[], reminders: ReminderEntry[]): Promise<void>;
  /** Marks an existing run as started again (a rerun after a crash). */
  restartRun(job: string, date: IsoDate, at: string): Promise<void>;
  finishRun(job: string, date: IsoDate, status: Exclude<RunStatus, 'started'>, at: string, detail?: string | null): Promise<void>;
  messages(job: string, date: IsoDate): Promise<MessageRecord[]>;
  /** Records a send's outcome; a message recorded as sent stays sent (a replica that lost its lease cannot undo it). */
  recordDelivery(job: string, date: IsoDate, chat: string, delivery: DeliveryRecord): Promise<void>;
  /** Records that a send of the message is about to be attempted (the first attempt's time is kept). */
  recordAttempt(job: string, date: IsoDate, chat: string, at: string): Promise<void>;
  /** The (task, unit) pairs reminded on `date` by any job. */
  remindedOn(date: IsoDate): Promise<{ taskId: string; unit: string }[]>;
  history(filter?: { task?: string; unit?: string }): Promise<ReminderRecord[]>;
  saveSnapshot(snapshot: LedgerSnapshot): Promise<void>;
  /** Snapshots taken on or before `before`, newest first. */
  snapshots(options?: { before?: IsoDate; limit?: number }): Promise<LedgerSnapshot[]>;
  notice(key: string): Promise<NoticeRecord | null>;
  setNotice(key: string, date: IsoDate, value?: string | null): Promise<void>;
  /** The first date each (task, unit) was reminded (acknowledgement escalation counts from it). */
  firstReminders(): Promise<{ taskId: string; unit: string; date: IsoDate }[]>;

  createRequest(request: NewRequest): Promise<RequestRecord>;
  /** Requests in the order they were made. */
  requests(filter?: RequestFilter): Promise<RequestRecord[]>;
  request(id: string): Promise<RequestRecord | null>;
  /**
   * Takes a pending (or failed) request for deciding until `until` (an ISO instant), so two reviewers cannot both write
   * it; null when it is decided already or another claim is still running. decideRequest ends the claim.
   */
  claimRequest(id: string, claim: { by: string; at: string; until: string }): Promise<RequestRecord | null>;
  /**
   * Decides a pending request (or a failed one, retried) in one statement; null when it was already decided, so two
   * reviewers clicking at once write once. A decision's reason is kept as decisionReason (the requester's reason
   * stays); its error is kept on `failed`; writtenAt says when the ledger was written.
   */
  decideRequest(id: string, decision: RequestDecision): Promise<RequestRecord | null>;
  addEvidence(requestId: string, evidence: Evidence): Promise<void>;
  setRequestCard(requestId: string, messageId: string): Promise<void>;
  /** Remembers the bot's confirmation of a request in the requester's chat (files replied to it are evidence). */
  setRequestReply(requestId: string, messageId: string): Promise<void>;
  /** False when that unit already acknowledged that task. */
  recordAck(ack: AckRecord): Promise<boolean>;
  acks(filter?: AckFilter): Promise<AckRecord[]>;

  /** True the first time an incoming message or card-click id is seen, by any replica, across restarts. */
  recordEvent(id: string, at: string): Promise<boolean>;
  /**
   * Takes the run of a job on a date for a ledger for `leaseMs`: true when this replica holds it (it already did, or
   * nobody did, or the holder's lease expired). Exactly one of several replicas claiming at once gets it.
   */
  claimRun(ledger: string, job: string, date: IsoDate, replica: string, leaseMs: number): Promise<boolean>;
  /** Extends a lease this replica still holds; false when another replica has taken it over (stop working on it). */
  renewLease(ledger: string, job: string, date: IsoDate, replica: string, leaseMs: number): Promise<boolean>;
  /** Gives a lease up (the run is finished or interrupted); a lease held by another replica is left alone. */
  releaseRun(ledger: string, job: string, date: IsoDate, replica: string): Promise<void>;
  /** Every lease held now or left to expire, for /healthz. */
  leases(): Promise<LeaseRecord[]>;
  /**
   * Runs `fn` while no other call in any replica on this database holds the same ledger's lock (write-backs). Not
   * reentrant: `fn` must not take the same ledger's lock again.
   */
  withLedgerLock<T>(ledger: string, fn: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

/** The outcome of sending one message of a run. */
export interface DeliveryRecord {
  outcome: MessageOutcome;
  at: string;
  messageId?: string | null;
  uuid?: string | null;
  error?: string | null;
}
