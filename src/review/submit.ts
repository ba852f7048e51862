/**
 * A liaison's request in chat (by text or by a card button): 签收, a progress report, 申请办结, 申请延期. Only a
 * liaison of the task's lead unit may ask (a leader may also report progress); an extension must be asked before
 * the deadline, with a date and a reason. What needs review waits as a request with a review card in the office
 * chat; the rest is written at once. Asking twice gives the same request back, never a second one.
 */
import { todayIn } from '../calendar/dates.js';
import type { LoopCommand } from '../ask/loop-commands.js';
import type { IsoDate, Task } from '../domain/types.js';
import { parseProgress } from '../ledger/progress.js';
import { parseStatus } from '../ledger/status.js';
import { REQUEST_LABELS } from '../render/review-card.js';
import { taskFormCard } from '../render/task-actions.js';
import type { RequestKind, RequestRecord } from '../store/records.js';
import type { NewRequest } from '../store/store.js';
import { describeChanges, writeRequest } from './apply-decision.js';
import { approveAndWrite } from './decide.js';
import { findTask } from './find-task.js';
import { noticeCard, showReviewCard } from './notify.js';
import type { Membership } from './people.js';
import { readNewDue } from './new-due.js';
import { refused, type ReadLedger, type ReviewDeps, type ReviewOutcome } from './review-deps.js';

/** Where a request comes from: the person, and the chat message (a text command, or the card whose button was clicked). */
export interface Requester {
  openId: string | null;
  chat?: string;
  messageId?: string;
  via: 'text' | 'card';
}

export type LiaisonCommand = Extract<LoopCommand, { kind: 'ack' | 'progress' | 'complete' | 'extend' }>;

// The same progress typed (or clicked) twice within this time is one report.
const REPEAT_WINDOW_MS = 10 * 60 * 1000;

interface Context {
  deps: ReviewDeps;
  parsed: ReadLedger;
  members: Membership[];
  who: Requester;
  today: IsoDate;
  at: string;
}

/** Handles a liaison's command; never throws. */
export async function submit(deps: ReviewDeps, command: LiaisonCommand, who: Requester): Promise<ReviewOutcome> {
  const today = todayIn(deps.timezone, deps.now());
  const parsed = await deps.ledgerFor(today);
  const members = (await deps.people(parsed)).memberships(who.openId);
  const ctx: Context = { deps, parsed, members, who, today, at: deps.now().toISOString() };
  if (command.kind === 'ack') return acknowledge(ctx, command.ids);
  const found = findTask(parsed.ledger, command.kind === 'progress' ? command.update.id : command.id);
  if (!found.ok) return refused('未找到任务', found.reason);
  const task = found.task;
  const kind: RequestKind = command.kind;
  const member = members.find((m) => task.lead.includes(m.unit) && (m.role === 'liaison' || kind === 'progress'));
  if (!member) {
    return refused('无权提交', `只有牵头单位（${task.lead.join('、') || '未填写'}）的联络员可以为任务 ${task.id} 提交${REQUEST_LABELS[kind]}；如需代办，请联系督办办公室。`);
  }
  if (command.kind === 'progress') return reportProgress(ctx, task, member, command.update);
  if (command.kind === 'complete') return requestCompletion(ctx, task, member, command.note);
  return requestExtension(ctx, task, member, command.date, command.reason);
}

/** 签收: one acknowledgement per task and unit, for each lead unit the person is liaison of. */
async function acknowledge(ctx: Context, ids: string[]): Promise<ReviewOutcome> {
  const lines: string[] = [];
  let ok = false;
  for (const id of ids) {
    const found = findTask(ctx.parsed.ledger, id);
    const units = found.ok ? ctx.members.filter((m) => m.role === 'liaison' && found.task.lead.includes(m.unit)) : [];
    if (!found.ok) lines.push(found.reason);
    else if (units.length === 0) lines.push(`只有牵头单位（${found.task.lead.join('、')}）的联络员可以签收任务 ${found.task.id}。`);
    for (const m of units) {
      const fresh = await ctx.deps.store.recordAck({ taskId: found.ok ? found.task.id : id, unit: m.unit, by: m.name, byAccount: ctx.who.openId, at: ctx.at });
      ok = true;
      lines.push(fresh ? `${m.unit}已签收任务 ${id}（${m.name}）。` : `${m.unit}此前已签收任务 ${id}，无需重复签收。`);
    }
  }
  return { ok, title: ok ? '已签收' : '未能签收', lines };
}

/** The request as it is created: who, where, when. */
function newRequest(ctx: Context, task: Task, member: Membership, kind: RequestKind): NewRequest {
  const { who } = ctx;
  return { kind, taskId: task.id, unit: member.unit, by: member.name, byAccount: who.openId, at: ctx.at, chat: who.chat, sourceMessageId: who.messageId };
}

/** Records a request that waits for review (or, when its kind needs none, approves it at once) and tells the office. */
async function createAndRoute(ctx: Context, task: Task, request: NewRequest, lines: string[]): Promise<ReviewOutcome> {
  const { deps } = ctx;
  const created = await deps.store.createRequest(request);
  const label = REQUEST_LABELS[created.kind];
  if (!deps.requireReview.includes(created.kind)) return approveAndWrite(deps, created, `${created.by}（无需审核）`, ctx.parsed, ctx.today);
  await showReviewCard(deps, created, task.title);
  // A click has no message of its own to reply to: the bot's confirmation under the card becomes the request's thread.
  if (ctx.who.via === 'card' && ctx.who.messageId && deps.chat) {
    const confirmation = noticeCard(`${label} ${created.id} 已提交`, [`任务 ${task.id}：${lines[0] ?? ''}`, ...lines.slice(1)], 'blue');
    const replyId = await deps.chat.reply(ctx.who.messageId, confirmation, `submitted|${created.id}`);
    if (replyId) await deps.store.setRequestReply(created.id, replyId);
  }
  return { ok: true, title: `${label} ${created.id} 已提交，等待督办办公室审核`, lines, request: (await deps.store.request(created.id))! };
}

/**
 * A click that lacks what its action needs (a bare button, not a form): the task's form is sent in reply to the card,
 * and the person is told to fill it in; a typed command is told what to add instead.
 */
async function needsInput(ctx: Context, task: Task, kind: RequestKind, typed: ReviewOutcome): Promise<ReviewOutcome> {
  const { deps, who } = ctx;
  if (who.via !== 'card' || !who.messageId || !deps.chat) return typed;
  const label = kind === 'extend' ? '申请延期' : '更新进度';
  await deps.chat.reply(who.messageId, taskFormCard(task.id, task.title, label), `form|${task.id}|${kind}|${ctx.at}`);
  return refused(`请在表单中填写后再点“${label}”`, typed.lines[0] ?? '');
}

/** The pending request of this kind for the task, if any: asking again returns it. */
async function pendingOf(ctx: Context, task: Task, kind: RequestKind): Promise<RequestRecord | undefined> {
  const open = await ctx.deps.store.requests({ taskId: task.id, kind });
  return open.find((r) => r.status === 'pending' || r.status === 'failed');
}

async function requestCompletion(ctx: Context, task: Task, member: Membership, note: string | null): Promise<ReviewOutcome> {
  if (task.status === 'done') return refused('任务已完成', `任务 ${task.id} 在台账中已是“已完成”，无需申请办结。`);
  const pending = await pendingOf(ctx, task, 'complete');
  if (pending) return { ok: true, title: `办结申请 ${pending.id} 已在审核中`, lines: ['无需重复提交；佐证材料可继续在申请消息下回复。'], request: pending };
  const lines = [
    `申请办结${note ? `：${note}` : ''}`,
    '请在本消息下回复佐证材料（文件或图片），或在 30 分钟内直接发到本群，将附在申请中供办公室审核。',
  ];
  return createAndRoute(ctx, task, { ...newRequest(ctx, task, member, 'complete'), ...(note ? { note } : {}) }, lines);
}

async function requestExtension(ctx: Context, task: Task, member: Membership, dateText: string | null, reason: string | null): Promise<ReviewOutcome> {
  if (task.status === 'done') return refused('任务已完成', `任务 ${task.id} 已完成，无需延期。`);
  if (!task.due) return refused('无需延期', `任务 ${task.id} 没有具体的截止日期（${task.raw.due || '未填写'}），无需申请延期。`);
  if (ctx.today > task.due) {
    return refused(
      '已过截止日期，不能申请延期',
      `任务 ${task.id} 已于 ${task.due} 到期。延期须在截止日期前申请；请尽快办结并报送进展（如“更新 ${task.id} 进度 80% 备注：…”），确需调整期限请联系督办办公室（办公室可用 duban update 处理）。`,
    );
  }
  if (!dateText) return needsInput(ctx, task, 'extend', refused('请写明新的截止日期', `例如：申请延期 ${task.id} 至 ${task.due.slice(0, 4)}-12-31 原因：…`));
  if (!reason) return needsInput(ctx, task, 'extend', refused('请写明延期原因', `例如：申请延期 ${task.id} 至 ${dateText} 原因：…`));
  const due = readNewDue(dateText, task, ctx.parsed.ledger.tasks, ctx.today);
  if (!due.ok) return refused('新的截止日期无法识别', due.reason);
  const pending = await pendingOf(ctx, task, 'extend');
  if (pending) return { ok: true, title: `延期申请 ${pending.id} 已在审核中`, lines: [`申请延期至 ${pending.newDue}，无需重复提交。`], request: pending };
  const request = { ...newRequest(ctx, task, member, 'extend'), newDue: due.date, oldDue: task.due, reason };
  return createAndRoute(ctx, task, request, [`申请延期至 ${due.date}（现截止日期 ${task.due}）`, `原因：${reason}`]);
}

/**
 * A progress report: written at once unless review.requireReview lists progress. A report that closes the task
 * ("6 已完成") is a completion request when completions need review; "已延期" must be asked for as an extension.
 */
async function reportProgress(ctx: Context, task: Task, member: Membership, update: { status: string | null; progress: string | null; note: string | null }): Promise<ReviewOutcome> {
  const { deps } = ctx;
  const status = update.status ? parseStatus(update.status.trim()) : null;
  if (update.status && !status) return refused('状态无法识别', `状态“${update.status}”无法识别，请写 未开始、进行中、已完成 或 暂缓。`);
  if (status?.extended) return refused('延期需要申请', `请用“申请延期 ${task.id} 至 日期 原因：…”申请，经督办办公室同意后写入台账。`);
  if (status?.state === 'done' && deps.requireReview.includes('complete')) return requestCompletion(ctx, task, member, update.note);
  const progress = update.progress === null ? undefined : parseProgress(update.progress).value;
  if (progress === null) return refused('进度无法识别', `进度“${update.progress}”无法识别，请写成 0 到 100 之间的百分数，如 80%。`);
  if (!update.status && progress === undefined && !update.note) {
    return needsInput(ctx, task, 'progress', refused('请写明要更新的内容', `例如：更新 ${task.id} 进度 80% 备注：已完成主体施工`));
  }
  const request: NewRequest = {
    ...newRequest(ctx, task, member, 'progress'),
    ...(update.status ? { statusWord: update.status } : {}),
    ...(progress !== undefined ? { progress } : {}),
    ...(update.note ? { note: update.note } : {}),
  };
  const since = new Date(deps.now().getTime() - REPEAT_WINDOW_MS).toISOString();
  const same = (await deps.store.requests({ taskId: task.id, kind: 'progress', since })).find(
    (r) => r.status !== 'failed' && r.byAccount === request.byAccount && r.progress === request.progress && r.note === request.note && r.statusWord === request.statusWord,
  );
  if (same) return { ok: true, title: '已收到', lines: [`这条进展（${same.id}）刚刚已经${same.status === 'pending' ? '提交' : '写入台账'}，不再重复${same.status === 'pending' ? '提交' : '写入'}。`], request: same };
  if (deps.requireReview.includes('progress')) return createAndRoute(ctx, task, request, ['进展已提交，督办办公室审核后写入台账。']);
  const created = await deps.store.createRequest(request);
  try {
    const outcome = await writeRequest(deps.source, created, task, member.name, ctx.today);
    const at = deps.now().toISOString();
    const recorded = await deps.store.decideRequest(created.id, { status: 'approved', by: member.name, at, writtenAt: at });
    const changes = describeChanges(outcome);
    const warnings = (outcome.warnings ?? []).map((w) => `（${w}）`).join('');
    const place = outcome.place ?? `台账第 ${outcome.row} 行`;
    return { ok: true, title: '进展已写回台账', lines: [`已更新任务 ${task.id}「${task.title}」（${place}）：${changes || '内容与台账一致，未作改动'}${warnings}`], request: recorded ?? created };
  } catch (error) {
    const message = (error as Error).message;
    await deps.store.decideRequest(created.id, { status: 'failed', by: member.name, at: deps.now().toISOString(), error: message });
    return refused('未能更新', `任务 ${task.id} 未能写回台账：${message}`);
  }
}
