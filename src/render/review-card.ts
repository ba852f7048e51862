/**
 * The office's review card of one request (延期 / 办结 / 进度 申请): what is asked, by whom, with what evidence, and
 * while it waits, 同意 / 退回 buttons with a field for the reason. The same card is updated in place once decided.
 */
import type { RequestRecord } from '../domain/requests.js';
import type { Card } from './card.js';
import { button, buttonRow, form, input as textInput } from './card-components.js';
import type { Block, Doc, DocSeverity, Inline } from './doc.js';
import { bold, toned } from './doc.js';
import { renderDocCard } from './render-card.js';

/** What kind of request, in the office's words. */
export const REQUEST_LABELS: Record<RequestRecord['kind'], string> = { ack: '签收', progress: '进度报送', complete: '办结申请', extend: '延期申请' };

export interface ReviewCardInput {
  request: RequestRecord;
  /** The task's title as the ledger has it now (null when the task is gone from the ledger). */
  title: string | null;
  /** ISO instant → local time text, e.g. "2022-06-27 10:00". */
  time: (iso: string) => string;
}

const SEVERITY: Record<RequestRecord['status'], DocSeverity> = { pending: 'orange', approved: 'green', rejected: 'blue', failed: 'red' };

function statusLine({ request: r, time }: ReviewCardInput): Inline[] {
  const when = (iso: string | undefined) => (iso ? time(iso) : '');
  switch (r.status) {
    case 'pending':
      return [toned('待审核：审核人可点击下方按钮，或在群里回复“同意 ' + r.id + '” / “退回 ' + r.id + ' 原因：…”', 'orange')];
    case 'approved':
      return [toned(`已同意（${r.decidedBy ?? ''}，${when(r.decidedAt)}）`, 'green'), r.writtenAt ? '，已写入台账。' : '。'];
    case 'rejected':
      return [toned(`已退回（${r.decidedBy ?? ''}，${when(r.decidedAt)}）`, 'grey'), `：${r.decisionReason ?? ''}`];
    case 'failed':
      return [toned(`写入台账失败（${when(r.decidedAt)}）：${r.error ?? ''}`, 'red'), '。台账未改动，处理后可再次点击“同意”重试。'];
  }
}

/** The lines of what is asked: the new date and reason, the completion note and evidence, the progress. */
function askedBlocks(r: RequestRecord): Block[] {
  const line = (label: string, ...parts: Inline[]): Block => ({ kind: 'paragraph', parts: [bold(`${label}：`), ...parts] });
  if (r.kind === 'extend') return [line('截止日期', `${r.oldDue ?? '未填写'} → `, bold(r.newDue ?? '')), line('原因', r.reason ?? '')];
  if (r.kind === 'progress') {
    const what = [r.statusWord ? `状态 ${r.statusWord}` : '', r.progress !== undefined ? `进度 ${r.progress}%` : ''].filter(Boolean).join('，');
    return [line('报送', what || '—'), line('说明', r.note ?? '')];
  }
  if (r.kind === 'complete') {
    const evidence: Block =
      r.evidence.length > 0
        ? { kind: 'list', items: r.evidence.map((e) => (e.url ? [{ link: e.url, text: e.name }] : [e.name])) }
        : { kind: 'paragraph', parts: [toned('暂无佐证材料：请联络员在申请消息下回复文件或图片（或申请后 30 分钟内发到本群）。', 'orange')] };
    return [line('办结说明', r.note ?? '—'), { kind: 'paragraph', parts: [bold(`佐证材料（${r.evidence.length}）：`)] }, evidence];
  }
  return [];
}

/** The review card of a request, with the decision buttons while it is pending (or its write-back failed). */
export function renderReviewCard(input: ReviewCardInput): Card {
  const { request: r, title, time } = input;
  // An open_id is @-mentioned (Feishu shows the name); otherwise the name as given.
  const who: Inline = r.byAccount && /^ou_/.test(r.byAccount) ? { mention: { account: r.byAccount, name: r.by, role: 'liaison' } } : r.by;
  const doc: Doc = {
    title: `${REQUEST_LABELS[r.kind]} ${r.id} · 任务 ${r.taskId}`,
    severity: SEVERITY[r.status],
    summary: `${r.unit} ${REQUEST_LABELS[r.kind]}（任务 ${r.taskId}）`,
    blocks: [
      { kind: 'paragraph', parts: [bold('任务：'), `#${r.taskId} ${title ?? '（台账中已找不到该任务）'}`] },
      { kind: 'paragraph', parts: [bold('责任单位：'), r.unit, '　', bold('申请人：'), who, '　', bold('时间：'), time(r.at)] },
      ...askedBlocks(r),
      { kind: 'divider' },
      { kind: 'paragraph', parts: statusLine(input) },
    ],
  };
  const card = renderDocCard(doc);
  if (r.status !== 'pending' && r.status !== 'failed') return card;
  const value = { request: r.id, task: r.taskId };
  const decide = form(`review_${r.id}`, [
    textInput('reason', '退回原因（退回时必填）'),
    buttonRow([
      button('同意', { ...value, action: 'approve' }, { type: 'primary_filled', name: 'approve', submit: true, confirm: `同意后将写入台账（${REQUEST_LABELS[r.kind]}）` }),
      button('退回', { ...value, action: 'reject' }, { type: 'danger', name: 'reject', submit: true }),
    ]),
  ]);
  const body = card.body as { elements: unknown[] };
  return { ...card, body: { ...body, elements: [...body.elements, decide] } };
}
