/** The shape of what changed since the previous digest. */
import type { IsoDate, TaskState } from '../domain/types.js';

/**
 * What changed since the previous digest; computed elsewhere (by comparing stored snapshots) and passed
 * to `buildDigest` so the digest can show it. Ids refer to tasks of the current ledger.
 */
export interface DigestChanges {
  /** Date of the previous digest the changes are measured against. */
  since: IsoDate;
  newlyDone: string[];
  newlyOverdue: string[];
  statusChanged: { id: string; from: TaskState; to: TaskState }[];
  progressChanged: { id: string; from: number | null; to: number | null }[];
  /** Open tasks whose progress note has not changed for a long time. */
  stale: { id: string; updated: IsoDate | null; workdaysSinceUpdate: number }[];
}

/** One change, ready to show: the task's id and title and a short Chinese description. */
export interface ChangeItem {
  kind: 'done' | 'overdue' | 'status' | 'progress' | 'stale';
  id: string;
  title: string;
  detail: string;
}

/** The changes section of a digest. */
export interface DigestChangesView {
  since: IsoDate;
  items: ChangeItem[];
}
