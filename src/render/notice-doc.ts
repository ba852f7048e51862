/** The 督办通知单 as a card or text: the unit's leader and liaison @-mentioned, the facts, the reply date. */
import type { TaskNotice } from '../reports/notice.js';
import type { Mention } from '../reports/reminder-types.js';
import { LIGHT_LABELS } from '../reports/labels.js';
import { bold, type Block, type Doc, type Inline } from './doc.js';
import { shortTitle } from './task-line.js';

/** The notice as a document; `mentions` are the lead unit's leader and liaison (whoever is known). */
export function noticeDoc(notice: TaskNotice, mentions: readonly Mention[]): Doc {
  const { task } = notice.view;
  const v = notice.view;
  const greeting: Inline[] = mentions.flatMap((m): Inline[] => [{ mention: m }, ' ']);
  greeting.push(`${task.lead.join('、')}：请阅处督办通知单，并于 `, bold(notice.replyBy), ' 前书面反馈办理情况。');
  const blocks: Block[] = [
    { kind: 'paragraph', parts: greeting },
    {
      kind: 'list',
      items: [
        [bold(`#${task.id}`), ' ', shortTitle(task.title)],
        [`原截止日期 ${notice.originalDue ?? '—'} · 现截止日期 ${v.due ?? '—'}`],
        [v.overdue ? `逾期 ${v.workdaysOverdue} 个工作日` : '未逾期', ` · ${LIGHT_LABELS[v.light]}${notice.reason ? `：${notice.reason}` : ''}`],
        [`督办记录 ${notice.trail.length} 条（见附件）`],
      ],
    },
  ];
  return { title: `督办通知单 · #${task.id}`, severity: v.overdue ? 'red' : 'orange', summary: `督办通知单：#${task.id} ${shortTitle(task.title)}`, blocks };
}
