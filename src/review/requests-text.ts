/** `duban requests` as Chinese text: one block per request, newest decisions shown with who and when. */
import { REQUEST_LABELS } from '../render/review-card.js';
import type { RequestRecord } from '../store/records.js';

const STATUS_LABELS: Record<RequestRecord['status'], string> = { pending: '待审核', approved: '已同意', rejected: '已退回', failed: '写入失败' };

/** The requests, oldest first; `time` formats an instant. */
export function renderRequestsText(requests: readonly RequestRecord[], time: (iso: string) => string, status?: string): string {
  const heading = `${status ? `${STATUS_LABELS[status as RequestRecord['status']] ?? status}的` : ''}申请：共 ${requests.length} 条`;
  if (requests.length === 0) return `${heading}。`;
  const lines = requests.map((r) => {
    const what =
      r.kind === 'extend' ? `延期至 ${r.newDue}（原 ${r.oldDue ?? '—'}），原因：${r.reason ?? ''}`
        : r.kind === 'complete' ? `${r.note ?? ''}${r.evidence.length ? `；佐证材料：${r.evidence.map((e) => e.name).join('、')}` : '；暂无佐证材料'}`
          : [r.statusWord, r.progress !== undefined ? `进度 ${r.progress}%` : '', r.note].filter(Boolean).join('，');
    const decided = r.decidedAt ? `  ${r.decidedBy ?? ''} ${time(r.decidedAt)}${r.decisionReason ? `：${r.decisionReason}` : ''}${r.error ? `：${r.error}` : ''}` : '';
    return `${r.id}  ${STATUS_LABELS[r.status]}  ${REQUEST_LABELS[r.kind]}  任务 ${r.taskId}  ${r.unit} ${r.by}  ${time(r.at)}\n    ${what}${decided}`;
  });
  return [heading, ...lines].join('\n');
}
