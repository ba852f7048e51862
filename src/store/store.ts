/**
 * The store's one interface: runs, messages, snapshots, the reminder log, notices, and the 督办 loop (requests,
 * acknowledgements, the ids of events already handled). Every method is asynchronous,
 * so SQLite (sqlite-store.ts, the embedded default) and a database server can implement it alike.
 */
import type { OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import type {
  AckRecord,
  Evidence,
  MessageOutcome,
  MessageRecord,
  NoticeRecord,
  ReminderEntry,
  ReminderRecord,
  RequestKind,
  RequestRecord,
  RequestStatus,
  RunRecord,
  RunStatus,
} from './records.js';

export interface Store {
  /** Where the state lives (the database file), for messages to the operator. */
  readonly path: string;
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
  recordDelivery(job: string, date: IsoDate, chat: string, delivery: DeliveryRecord): Promise<void>;
  /** The (task, unit) pairs reminded on `date` by any job. */
  remindedOn(date: IsoDate): Promise<{ taskId: string; unit: string }[]>;
  history(filter?: { task?: string; unit?: string }): Promise<ReminderRecord[]>;
  saveSnapshot(snapshot: LedgerSnapshot): Promise<void>;
  /** Snapshots taken on or before `before`, newest first. */
  snapshots(options?: { before?: IsoDate; limit?: number }): Promise<LedgerSnapshot[]>;
  notice(key: string): Promise<NoticeRecord | null>;
  setNotice(key: string, date: IsoDate, value?: string | null): Promise<void>;
  /** The first date each (task, unit) was reminded (ack escalation counts from it). */
  firstReminders(): Promise<{ taskId: string; unit: string; date: IsoDate }[]>;

  /** Records a new request as R<n> (pending unless `status` says otherwise), without evidence. */
  createRequest(request: NewRequest): Promise<RequestRecord>;
  /** Requests matching the filter (`since`: made at or after this instant), oldest first. */
  requests(filter?: RequestFilter): Promise<RequestRecord[]>;
  request(id: string): Promise<RequestRecord | null>;
  /**
   * Takes a pending (or failed) request for deciding until `until` (an ISO instant), so two reviewers cannot both
   * write it; null when it is decided already or another claim is still running. decideRequest ends the claim.
   */
  claimRequest(id: string, claim: { by: string; at: string; until: string }): Promise<RequestRecord | null>;
  /**
   * Decides a pending (or failed, when retried) request, atomically; null when it was already decided (approved or
   * rejected): two reviewers clicking at once write once.
   */
  decideRequest(id: string, decision: RequestDecision): Promise<RequestRecord | null>;
  addEvidence(requestId: string, evidence: Evidence): Promise<void>;
  /** Remembers the office's review card of a request (updated in place as it is decided). */
  setRequestCard(requestId: string, messageId: string): Promise<void>;
  /** Remembers the bot's confirmation of a request in the requester's chat (files replied to it are evidence). */
  setRequestReply(requestId: string, messageId: string): Promise<void>;
  /** Records a unit's 签收 of a task; false when that unit already acknowledged that task. */
  recordAck(ack: AckRecord): Promise<boolean>;
  acks(filter?: { taskId?: string; unit?: string; since?: string }): Promise<AckRecord[]>;
  /**
   * True the first time an incoming message or card-click id is seen (then it is recorded); false for a repeat.
   * Survives restarts, so an event Feishu delivers again is handled once.
   */
  recordEvent(id: string, at: string): Promise<boolean>;
  close(): Promise<void>;
}

/** What createRequest takes: a request without its id and evidence; pending unless `status` is given. */
export type NewRequest = Omit<RequestRecord, 'id' | 'status' | 'evidence'> & { status?: RequestStatus };

export interface RequestFilter {
  status?: RequestStatus;
  taskId?: string;
  kind?: RequestKind;
  /** Made at or after this ISO instant. */
  since?: string;
}

/** The office's decision on a request (or the failure of its write-back). */
export interface RequestDecision {
  status: 'approved' | 'rejected' | 'failed';
  by: string;
  at: string;
  /** Why it was sent back (退回). */
  reason?: string;
  /** Why the write-back failed. */
  error?: string;
  /** When the ledger was written (an approval). */
  writtenAt?: string;
}

/** The outcome of sending one message of a run. */
export interface DeliveryRecord {
  outcome: MessageOutcome;
  at: string;
  messageId?: string | null;
  uuid?: string | null;
  error?: string | null;
}
