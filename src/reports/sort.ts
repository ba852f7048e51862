/** The orders reports list things in: names, most overdue, soonest due. */
import type { ClassifiedTask } from './classify.js';

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

const DIGITS = /^[1-9]\d*$/;

/** Compares names and ids the way a Chinese reader expects ("2" before "10"). */
export function compareText(a: string, b: string): number {
  // Plain numbers (most task ids) in numeric order without the collator: the order it gives them, much faster.
  if (DIGITS.test(a) && DIGITS.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return collator.compare(a, b);
}

/** Most days overdue first, then by id. */
export function byMostOverdue(a: ClassifiedTask, b: ClassifiedTask): number {
  return b.daysOverdue - a.daysOverdue || compareText(a.task.id, b.task.id);
}

/** Soonest due first (tasks without a due date last), then by id. */
export function bySoonestDue(a: ClassifiedTask, b: ClassifiedTask): number {
  const da = a.due ?? '9999-12-31';
  const db = b.due ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : compareText(a.task.id, b.task.id);
}

/** Furthest behind the time-proportional progress first. */
export function byMostBehind(a: ClassifiedTask, b: ClassifiedTask): number {
  return gap(b) - gap(a) || compareText(a.task.id, b.task.id);
}

function gap(view: ClassifiedTask): number {
  return (view.expectedProgress ?? 0) - (view.task.progress ?? 0);
}
