/**
 * What the scores and the 督办通知单 read from the store's logs, as the reports need it (the store's reminder log,
 * requests and 签收 records have these fields): reports depend on these shapes, not on the store.
 */
import type { IsoDate } from '../domain/types.js';
import type { ReminderKind } from './reminder-types.js';

/** A reminder as sent: which task, to which unit, on which day, at what instant, and whether it went out. */
export interface ReminderFact {
  taskId: string;
  unit: string;
  kind: ReminderKind;
  date: IsoDate;
  /** ISO instant of the delivery. */
  at: string;
  outcome: 'sent' | 'pending' | 'failed';
}

/** A request of the 督办 loop (签收, 进度, 办结, 延期) and the office's decision. */
export interface RequestFact {
  kind: 'ack' | 'progress' | 'complete' | 'extend';
  taskId: string;
  unit: string;
  by: string;
  /** ISO instant. */
  at: string;
  status: 'pending' | 'approved' | 'rejected' | 'failed';
  newDue?: IsoDate;
  oldDue?: IsoDate;
  reason?: string;
  note?: string;
  decidedAt?: string;
}

/** A unit's 签收 of a task. */
export interface AckFact {
  taskId: string;
  unit: string;
  by: string;
  /** ISO instant. */
  at: string;
}
