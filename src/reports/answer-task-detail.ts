/** One task in detail (units, deadline and time left, state, progress against 序时进度, warning, note), and ids near a missing one. */
import type { ClassifiedTask } from './classify.js';
import { toAnswerTask } from './answer-task.js';
import { LIGHT_LABELS } from './labels.js';
import { compareText } from './sort.js';
import { editDistance } from '../domain/edit-distance.js';

/** The lines that describe one task. */
export function taskDetailLines(view: ClassifiedTask): string[] {
  const task = view.task;
  const t = toAnswerTask(view);
  const timing = view.overdue
    ? `已逾期 ${view.daysOverdue} 天（${view.workdaysOverdue} 个工作日）${view.escalate ? '，建议督办' : ''}`
    : view.workdaysLeft !== null
      ? `还剩 ${view.workdaysLeft} 个工作日`
      : '';
  const expected = view.expectedProgress !== null && !view.overdue && task.status !== 'done' ? `，序时进度 ${view.expectedProgress}%` : '';
  return [
    `责任单位：${task.lead.join('、') || '未填'}`,
    `协助单位：${task.assist.join('、') || '无'}`,
    `截止：${t.dueText || '未填'}${t.due && t.due !== t.dueText ? `（${t.due}）` : ''}${timing ? `，${timing}` : ''}`,
    `状态：${t.status}${task.extended ? '（已延期）' : ''}${task.progress !== null ? `，进度 ${task.progress}%` : ''}${expected}，${LIGHT_LABELS[view.light]}`,
    ...(task.note.trim() ? [`进展情况：${task.note.trim()}`] : []),
    ...(task.updated ? [`更新时间：${task.updated}`] : []),
  ];
}

/** Up to five ids that share a prefix with, or differ by one character from, the asked id. */
export function nearIds(id: string, ids: Iterable<string>): string[] {
  return [...ids]
    .filter((other) => other.startsWith(id) || id.startsWith(other) || editDistance(id, other) <= 1)
    .sort(compareText)
    .slice(0, 5);
}
