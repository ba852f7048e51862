/**
 * Files and images a liaison sends as 佐证材料: in the thread of a completion request (a reply to its message or to
 * the bot's confirmation), or within 30 minutes after it in the same chat. Their file keys and names are kept with
 * the request and shown on its review card; an approval writes the names into the ledger.
 */
import { todayIn } from '../calendar/dates.js';
import type { Evidence, RequestRecord } from '../store/records.js';
import { findTask } from './find-task.js';
import { showReviewCard } from './notify.js';
import type { ReviewDeps, ReviewOutcome } from './review-deps.js';

/** A message carrying files: who sent it where, which thread it is in, and what it holds. */
export interface FileMessage {
  messageId: string;
  chatId: string;
  senderOpenId: string | null;
  rootId: string | null;
  parentId: string | null;
  /** When it was sent (ISO instant). */
  at: string;
  files: Evidence[];
}

const FOLLOW_UP_MS = 30 * 60 * 1000;

/** The completion request the files belong to: a thread match first (the nearest message), else the sender's latest in the chat. */
function belongsTo(open: RequestRecord[], file: FileMessage, sentBy: (r: RequestRecord) => boolean): RequestRecord | undefined {
  const anchors = (r: RequestRecord) => [r.replyMessageId, r.sourceMessageId].filter(Boolean);
  const latest = (list: RequestRecord[]) => list.at(-1);
  return (
    latest(open.filter((r) => file.parentId && anchors(r).includes(file.parentId))) ??
    latest(open.filter((r) => sentBy(r) && file.rootId && anchors(r).includes(file.rootId))) ??
    latest(
      open.filter((r) => {
        const age = Date.parse(file.at) - Date.parse(r.at);
        return sentBy(r) && r.chat === file.chatId && age >= 0 && age <= FOLLOW_UP_MS;
      }),
    )
  );
}

/** Attaches the files to their completion request; null when they belong to none (then nothing is said). */
export async function attachEvidence(deps: ReviewDeps, file: FileMessage): Promise<ReviewOutcome | null> {
  if (file.files.length === 0) return null;
  const open = (await deps.store.requests({ kind: 'complete' })).filter((r) => r.status === 'pending' || r.status === 'failed');
  if (open.length === 0) return null;
  const parsed = await deps.ledgerFor(todayIn(deps.timezone, deps.now()));
  const people = await deps.people(parsed);
  const units = new Set(people.memberships(file.senderOpenId).map((m) => m.unit));
  // Only the requester, or another liaison of the same unit, adds evidence.
  const sentBy = (r: RequestRecord) => (r.byAccount !== null && r.byAccount === file.senderOpenId) || units.has(r.unit);
  const request = belongsTo(open, file, sentBy);
  if (!request || !sentBy(request)) return null;
  for (const item of file.files) await deps.store.addEvidence(request.id, item);
  const updated = (await deps.store.request(request.id))!;
  const task = findTask(parsed.ledger, updated.taskId);
  await showReviewCard(deps, updated, task.ok ? task.task.title : null);
  const names = file.files.map((f) => f.name).join('、');
  return { ok: true, title: '佐证材料已收到', lines: [`已附在任务 ${updated.taskId} 的办结申请 ${updated.id} 中：${names}（共 ${updated.evidence.length} 份）。`], request: updated };
}
