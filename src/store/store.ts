/**
 * The store's one interface: runs, messages, snapshots, the reminder log and notices. Every method is asynchronous,
 * so SQLite (sqlite-store.ts, the embedded default) and a database server can implement it alike.
 */
import type { OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import type { MessageOutcome, MessageRecord, NoticeRecord, ReminderEntry, ReminderRecord, RunRecord, RunStatus } from './records.js';

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
