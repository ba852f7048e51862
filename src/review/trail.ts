/**
 * The whole trail of each task for `duban history`: reminded, acknowledged, requested, decided, written, with who
 * and when. Pure: the reminder log, the acknowledgements and the requests in; the events in time order out.
 */
import { REQUEST_LABELS } from '../render/review-card.js';
import type { AckRecord, ReminderRecord, RequestRecord } from '../store/records.js';

export type TrailEventKind = 'reminded' | 'acknowledged' | 'requested' | 'decided' | 'written';

/** One step of a task's trail. `at` is an ISO instant; `by` who did it (duban for reminders). */
export interface TrailEvent {
  taskId: string;
  at: string;
  event: TrailEventKind;
  unit: string;
  by: string;
  /** What happened, in Chinese. */
  detail: string;
  request?: string;
}

const REMINDER_LABELS: Record<ReminderRecord['kind'], string> = { due_soon: '到期提醒', overdue: '逾期催办', escalation: '建议督办' };
const OUTCOME_LABELS: Record<ReminderRecord['outcome'], string> = { sent: '已发送', pending: '待发送', failed: '发送失败' };

/** What a request asked, in a few words. */
function asked(r: RequestRecord): string {
  if (r.kind === 'extend') return `${REQUEST_LABELS.extend} ${r.oldDue ?? ''} → ${r.newDue ?? ''}，原因：${r.reason ?? ''}`;
  if (r.kind === 'complete') return `${REQUEST_LABELS.complete}${r.note ? `：${r.note}` : ''}${r.evidence.length ? `（佐证材料 ${r.evidence.map((e) => e.name).join('、')}）` : ''}`;
  const parts = [r.statusWord, r.progress !== undefined ? `进度 ${r.progress}%` : '', r.note].filter(Boolean);
  return `${REQUEST_LABELS[r.kind]}：${parts.join('，')}`;
}

function requestEvents(r: RequestRecord): TrailEvent[] {
  const base = { taskId: r.taskId, unit: r.unit, request: r.id };
  const events: TrailEvent[] = [{ ...base, at: r.at, event: 'requested', by: r.by, detail: asked(r) }];
  if (r.decidedAt && r.status === 'rejected') events.push({ ...base, at: r.decidedAt, event: 'decided', by: r.decidedBy ?? '', detail: `退回：${r.decisionReason ?? ''}` });
  if (r.decidedAt && r.status === 'approved') events.push({ ...base, at: r.decidedAt, event: 'decided', by: r.decidedBy ?? '', detail: '同意' });
  if (r.decidedAt && r.status === 'failed') events.push({ ...base, at: r.decidedAt, event: 'decided', by: r.decidedBy ?? '', detail: `同意，但写入台账失败：${r.error ?? ''}` });
  if (r.writtenAt) events.push({ ...base, at: r.writtenAt, event: 'written', by: r.decidedBy ?? r.by, detail: '已写入台账' });
  return events;
}

/** Every event of the tasks (and units) asked for, oldest first; a reminder without a send time counts from its date. */
export function buildTrail(
  input: { reminders: readonly ReminderRecord[]; acks: readonly AckRecord[]; requests: readonly RequestRecord[] },
  filter: { task?: string; unit?: string } = {},
): TrailEvent[] {
  const events: TrailEvent[] = [
    ...input.reminders.map((r) => ({
      taskId: r.taskId, at: r.at || `${r.date}T00:00:00.000Z`, event: 'reminded' as const, unit: r.unit, by: 'duban',
      detail: `${REMINDER_LABELS[r.kind]} → 群 ${r.chat}${r.mentions.length ? ` @${r.mentions.join(' @')}` : ''}（${OUTCOME_LABELS[r.outcome]}）`,
    })),
    ...input.acks.map((a) => ({ taskId: a.taskId, at: a.at, event: 'acknowledged' as const, unit: a.unit, by: a.by, detail: '签收' })),
    ...input.requests.flatMap(requestEvents),
  ];
  return events
    .filter((e) => (!filter.task || e.taskId === filter.task) && (!filter.unit || e.unit === filter.unit))
    .sort((a, b) => a.at.localeCompare(b.at));
}
