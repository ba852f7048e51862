/** The answer about one task ("任务 6"): its details, or near ids when it is unknown. */
import type { Task } from '../domain/types.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { LIGHT_LABELS } from './labels.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { compareText } from './sort.js';

/** One task in detail; an unknown id says so and lists near ids. */
export function taskAnswer(rawId: string, ctx: AnswerContext): Answer {
  const id = rawId.trim().replace(/^#/, '');
  const index = indexLedger(ctx.ledger);
  const task = index.byId.get(id) ?? findNumeric(id, index.byId);
  if (!task) {
    const near = nearIds(id, [...index.byId.keys()]);
    return makeAnswer('task', {
      title: `没有找到编号为 ${id} 的任务`,
      notice: near.length > 0 ? `相近的编号：${near.join('、')}` : '请核对台账中的“编号”列。',
    });
  }
  const view = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).view(task);
  const t = toAnswerTask(view);
  const timing = view.overdue
    ? `已逾期 ${view.daysOverdue} 天（${view.workdaysOverdue} 个工作日）${view.escalate ? '，建议督办' : ''}`
    : view.workdaysLeft !== null
      ? `还剩 ${view.workdaysLeft} 个工作日`
      : '';
  const lines = [
    `责任单位：${task.lead.join('、') || '未填'}`,
    ...(task.assist.length > 0 ? [`协助单位：${task.assist.join('、')}`] : []),
    `截止：${t.dueText || '未填'}${t.due && t.due !== t.dueText ? `（${t.due}）` : ''}${timing ? `，${timing}` : ''}`,
    `状态：${t.status}${task.extended ? '（已延期）' : ''}${task.progress !== null ? `，进度 ${task.progress}%` : ''}${view.expectedProgress !== null && !view.overdue && task.status !== 'done' ? `，序时进度 ${view.expectedProgress}%` : ''}，${LIGHT_LABELS[view.light]}`,
    ...(task.note.trim() ? [`进展情况：${task.note.trim()}`] : []),
    ...(task.updated ? [`更新时间：${task.updated}`] : []),
  ];
  return makeAnswer('task', { units: task.lead, title: `任务 ${task.id}：${task.title}`, lines, sections: [{ heading: '任务', tasks: [t] }] });
}

/** "06" finds task "6" and the other way round. */
function findNumeric(id: string, byId: ReadonlyMap<string, Task>): Task | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  for (const [key, task] of byId) if (/^\d+$/.test(key) && Number(key) === Number(id)) return task;
  return undefined;
}

/** Up to five ids that share a prefix with, or differ by one character from, the asked id. */
function nearIds(id: string, ids: string[]): string[] {
  return ids
    .filter((other) => other.startsWith(id) || id.startsWith(other) || editDistanceAtMostOne(id, other))
    .sort(compareText)
    .slice(0, 5);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
