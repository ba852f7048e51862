/** The 督办通知单 (one task, one notice) as a Word document: the task's facts as a table, its trail, the reply date. */
import type { Paragraph, Table } from 'docx';
import { LIGHT_LABELS } from '../../reports/labels.js';
import type { TaskNotice } from '../../reports/notice.js';
import { stateLabel } from '../../reports/labels.js';
import { body, centred, chineseDate, heading, officialDocx, right, table, title } from './official.js';

/** The notice as a .docx file, issued by `issuer`. */
export async function noticeDocx(notice: TaskNotice, issuer: string): Promise<Buffer> {
  const { task } = notice.view;
  const v = notice.view;
  const facts: [string, string][] = [
    ['任务编号', task.id],
    ['督办事项', task.title],
    ['责任单位', task.lead.join('、')],
    ['协助单位', task.assist.join('、') || '—'],
    ['原截止日期', notice.originalDue ?? '—'],
    ['现截止日期', v.due ?? (task.ongoing ? '长期坚持' : '—')],
    ['逾期情况', v.overdue ? `逾期 ${v.workdaysOverdue} 个工作日（${v.daysOverdue} 天）` : '未逾期'],
    ['办理进展', `${stateLabel(task.status)}${task.progress === null ? '' : `，进度 ${task.progress}%`}`],
    ['预警等级', `${LIGHT_LABELS[v.light]}${notice.reason ? `：${notice.reason}` : ''}`],
    ['反馈时限', `请于 ${chineseDate(notice.replyBy)}前书面反馈办理情况、存在问题及完成时限`],
  ];
  const children: (Paragraph | Table)[] = [
    title('督办通知单'),
    centred(`（任务 #${task.id}）`),
    body(`${task.lead.join('、')}：`),
    body(`你单位牵头负责的“${task.title}”${v.overdue ? `已逾期 ${v.workdaysOverdue} 个工作日` : '需加快推进'}${notice.escalated ? '，已列入建议督办事项' : ''}。现予督办，请按要求办理并反馈。`),
    table([{ label: '项目', weight: 1 }, { label: '内容', weight: 3 }], facts),
    heading('督办记录'),
    notice.trail.length > 0
      ? table([{ label: '日期', weight: 1 }, { label: '事项', weight: 1 }, { label: '情况', weight: 3 }], notice.trail.map((t) => [t.date, t.event, t.detail]))
      : body('暂无提醒、签收或申请记录。'),
    right(issuer),
    right(chineseDate(notice.issued)),
  ];
  return officialDocx({ title: `督办通知单（任务 #${task.id}）`, creator: issuer }, children);
}
