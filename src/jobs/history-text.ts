/** `duban history` as Chinese text: who was reminded of which task, when, and whether the message went out. */
import type { ReminderKind } from '../reports/reminder-types.js';
import type { MessageOutcome, ReminderRecord } from '../store/records.js';

const KIND_LABELS: Record<ReminderKind, string> = { due_soon: '到期提醒', overdue: '逾期催办', escalation: '建议督办' };
const OUTCOME_LABELS: Record<MessageOutcome, string> = { sent: '已发送', pending: '待发送', failed: '发送失败' };

/** One line per reminder, oldest first; a heading names the filter. */
export function renderHistoryText(records: readonly ReminderRecord[], filter: { task?: string; unit?: string } = {}): string {
  const scope = [filter.task ? `任务 ${filter.task}` : '', filter.unit ?? ''].filter(Boolean).join('，');
  const heading = `提醒记录${scope ? `（${scope}）` : ''}：共 ${records.length} 条`;
  if (records.length === 0) return `${heading}。`;
  const lines = records.map((r) => {
    const mentions = r.mentions.length ? `  @${r.mentions.join(' @')}` : '';
    return `${r.date}  任务 ${r.taskId}  ${r.unit}  ${KIND_LABELS[r.kind]}  群 ${r.chat}${mentions}  ${OUTCOME_LABELS[r.outcome]}`;
  });
  return [heading, ...lines].join('\n');
}
