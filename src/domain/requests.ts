/** The 督办 loop's records: a liaison's request and the office's decision on it, and a unit's 签收 (acknowledgement). */
import type { IsoDate } from './types.js';

/** What a liaison asks of the office: 签收, a progress report, 办结 (completion) or 延期 (an extension). */
export type RequestKind = 'ack' | 'progress' | 'complete' | 'extend';

/** pending: waiting for a reviewer; failed: approved but the write-back failed (may be approved again). */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'failed';

/** A file or image a liaison sent as 佐证材料 (evidence), or a link. */
export interface Evidence {
  name: string;
  fileKey?: string;
  url?: string;
}

/** A request from a lead unit's liaison, and the office's decision on it. Times are ISO 8601 instants. */
export interface RequestRecord {
  /** "R1", "R2", … sequential per store. */
  id: string;
  kind: RequestKind;
  taskId: string;
  unit: string;
  /** The requester's name (from the unit directory) or account. */
  by: string;
  /** The requester's open_id, when the request came from Feishu. */
  byAccount: string | null;
  at: string;
  status: RequestStatus;
  /** An extension's new deadline and the deadline it replaces. */
  newDue?: IsoDate;
  oldDue?: IsoDate;
  /** Why an extension is needed; why a request was sent back (退回). */
  reason?: string;
  /** The liaison's note: a progress note or the completion note (办结说明). */
  note?: string;
  /** A progress report's percentage. */
  progress?: number;
  /** A progress report's status word as typed ("已完成", "暂缓"). */
  statusWord?: string;
  evidence: Evidence[];
  decidedBy?: string;
  decidedAt?: string;
  /** Why the office sent the request back (退回). */
  decisionReason?: string;
  /** Why the last write-back failed (status failed). */
  error?: string;
  /** The office's review card (im message_id), updated in place as the request is decided. */
  cardMessageId?: string;
  /** The chat the request was made in, and the message it was made with (a text command, or the card clicked). */
  chat?: string;
  sourceMessageId?: string;
  /** The bot's confirmation in that chat: files replied to it (or to the source message) are the request's evidence. */
  replyMessageId?: string;
  /** When the ledger was written for this request (approved, or applied directly when no review is required). */
  writtenAt?: string;
}

/** A unit's 签收 (acknowledgement) of a task it was reminded of; one per (task, unit). */
export interface AckRecord {
  taskId: string;
  unit: string;
  by: string;
  byAccount: string | null;
  at: string;
}
