/**
 * The office's decision on a request: 同意 writes the ledger (once, however many reviewers click) and updates the
 * review card; 退回 writes nothing and tells the liaison why. A failed write leaves the request failed, the error on
 * its card, the ledger untouched, and 同意 may be clicked again.
 */
import { todayIn } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';
import { REQUEST_LABELS } from '../render/review-card.js';
import type { RequestRecord } from '../store/records.js';
import { alreadyWritten, describeChanges, writeRequest } from './apply-decision.js';
import { findTask } from './find-task.js';
import { localTime, noticeCard, showReviewCard, tellRequester } from './notify.js';
import { refused, type ReadLedger, type ReviewDeps, type ReviewOutcome } from './review-deps.js';

/** Who decides: a chat user (checked against review.reviewers by open_id), or the office at the command line (`name`). */
export type Reviewer = { openId: string | null } | { name: string };

export type Verdict = { approve: true } | { approve: false; reason: string | null };

// A claim outlives any write-back (retries included); a crashed decider's claim runs out and another may decide.
const CLAIM_MS = 2 * 60 * 1000;

/** Says who decided a request already, and how. */
function alreadyDecided(request: RequestRecord, timezone: string): ReviewOutcome {
  const how = request.status === 'approved' ? '同意' : '退回';
  const when = request.decidedAt ? localTime(request.decidedAt, timezone) : '';
  return refused(`${request.id} 已处理`, `${request.id} 已于 ${when} 由 ${request.decidedBy ?? '督办办公室'}${how}，本次未作改动。`);
}

/** Approves or rejects request `id`. Never throws: every refusal comes back as an outcome. */
export async function decide(deps: ReviewDeps, id: string, verdict: Verdict, reviewer: Reviewer): Promise<ReviewOutcome> {
  const today = todayIn(deps.timezone, deps.now());
  const parsed = await deps.ledgerFor(today);
  const name = 'name' in reviewer ? reviewer.name : (await deps.people(parsed)).reviewer(reviewer.openId);
  if (!name) return refused('无权审核', '只有督办办公室的审核人（配置 review.reviewers）可以同意或退回申请；本次未作任何改动。');
  const request = await deps.store.request(id);
  if (!request) return refused(`没有找到申请 ${id}`, '请核对申请编号（如 R12）；可用 duban requests 查看全部申请。');
  if (request.status === 'approved' || request.status === 'rejected') return alreadyDecided(request, deps.timezone);
  const title = findTask(parsed.ledger, request.taskId);
  if (!verdict.approve) {
    if (!verdict.reason) return refused('请写明退回原因', `例如：退回 ${request.id} 原因：佐证材料不全。本次未作改动。`);
    const decided = await deps.store.decideRequest(request.id, { status: 'rejected', by: name, at: deps.now().toISOString(), reason: verdict.reason });
    if (!decided) return alreadyDecided((await deps.store.request(request.id))!, deps.timezone);
    await showReviewCard(deps, decided, title.ok ? title.task.title : null);
    const lines = [`任务 ${decided.taskId} 的${REQUEST_LABELS[decided.kind]} ${decided.id} 被督办办公室退回（${name}）。`, `原因：${verdict.reason}`, '台账未改动；请按要求补充后重新提交。'];
    await tellRequester(deps, decided, noticeCard(`${REQUEST_LABELS[decided.kind]}被退回`, lines, 'orange'), `rejected|${decided.id}`);
    return { ok: true, title: `已退回 ${decided.id}`, lines: [`已告知${decided.unit}：${verdict.reason}`], request: decided };
  }
  return approveAndWrite(deps, request, name, parsed, today);
}

/**
 * Claims the request, writes it to the ledger unless its tag is there already (written before a crash), and
 * records the outcome; the review card and the requester's thread are updated either way.
 */
export async function approveAndWrite(deps: ReviewDeps, request: RequestRecord, by: string, parsed: ReadLedger, today: IsoDate): Promise<ReviewOutcome> {
  const { store } = deps;
  const at = deps.now();
  const claimed = await store.claimRequest(request.id, { by, at: at.toISOString(), until: new Date(at.getTime() + CLAIM_MS).toISOString() });
  if (!claimed) {
    const now = (await store.request(request.id))!;
    if (now.status === 'approved' || now.status === 'rejected') return alreadyDecided(now, deps.timezone);
    return refused(`${request.id} 正在处理`, `${request.id} 正在由其他审核人处理，请稍后查看审核卡片。`);
  }
  const found = findTask(parsed.ledger, claimed.taskId);
  let changes = '';
  try {
    if (!found.ok) throw new Error(found.reason);
    if (!alreadyWritten(claimed, found.task)) {
      const outcome = await writeRequest(deps.source, claimed, found.task, by, today);
      changes = describeChanges(outcome);
    }
  } catch (error) {
    const message = (error as Error).message;
    deps.logger.warn('review.write_failed', { request: claimed.id, task: claimed.taskId, error: message });
    const failed = await store.decideRequest(claimed.id, { status: 'failed', by, at: deps.now().toISOString(), error: message });
    if (failed) await showReviewCard(deps, failed, found.ok ? found.task.title : null);
    return refused(`${claimed.id} 未能写入台账`, message, '台账未改动；处理后可再次同意。');
  }
  const decided = (await store.decideRequest(claimed.id, { status: 'approved', by, at: deps.now().toISOString(), writtenAt: deps.now().toISOString() }))!;
  await showReviewCard(deps, decided, found.task.title);
  const label = REQUEST_LABELS[decided.kind];
  const what = decided.kind === 'extend' ? `截止日期延至 ${decided.newDue}` : decided.kind === 'complete' ? '任务已办结（销号）' : '进展已写入台账';
  await tellRequester(deps, decided, noticeCard(`${label}已同意`, [`任务 ${decided.taskId} 的${label} ${decided.id} 已由${by}同意：${what}。`], 'green'), `approved|${decided.id}`);
  return { ok: true, title: `已同意 ${decided.id}，已写入台账`, lines: [changes || '台账已有此项记录，未重复写入。'], request: decided };
}
