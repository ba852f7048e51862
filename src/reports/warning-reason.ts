/** Why a task has its warning level (预警), in words: "逾期 7 个工作日", "落后序时进度 35 个百分点". Pure. */
import type { TaskView } from '../domain/types.js';

type ReasonView = Pick<TaskView, 'light' | 'overdue' | 'workdaysOverdue' | 'lag' | 'behind' | 'dueSoon' | 'workdaysLeft'>;

/**
 * The facts behind a task's level, most serious first, joined by "，": overdue working days, points behind
 * 序时进度, a 滞后 mark in the ledger, the working days left. Green tasks get "按序时推进"; a done, paused or
 * ongoing task (never graded) gets "".
 */
export function warningReason(view: ReasonView): string {
  const facts: string[] = [];
  if (view.overdue) facts.push(view.workdaysOverdue > 0 ? `逾期 ${view.workdaysOverdue} 个工作日` : '已过截止日期');
  if (view.lag !== null && view.lag > 0 && view.behind) facts.push(`落后序时进度 ${view.lag} 个百分点`);
  else if (view.behind) facts.push('台账标注滞后');
  if (facts.length === 0 && view.dueSoon && view.workdaysLeft !== null) {
    facts.push(view.workdaysLeft === 0 ? '今天到期' : `${view.workdaysLeft} 个工作日内到期`);
  }
  if (facts.length > 0) return facts.join('，');
  return view.light === 'green' && view.lag !== null ? '按序时推进' : '';
}
