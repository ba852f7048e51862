/** Classifying a task for a date: overdue, due soon, behind schedule, traffic light, escalation. */
import type { IsoDate, ReportOptions, Task, TaskView, TrafficLight, WorkCalendar } from '../domain/types.js';
import { diffDays } from '../calendar/dates.js';
import { nextRecurringDue } from '../ledger/recurring.js';
import { isLaggingStatus } from '../ledger/status.js';
import { memoCalendar } from './memo-calendar.js';

/** A classified task with the due date the classification used (a recurring task's next occurrence). */
export type ClassifiedTask = TaskView & { due: IsoDate | null };

/**
 * Classifies one task for `today`.
 * Decisions: done, paused and ongoing tasks are never overdue, due soon or behind (a paused task is shown
 * under 暂缓 but not chased: pausing is an office decision); `behind` needs progress, start and due, or a
 * status word that says so ("滞后");
 * a recurring task without a due date ("每季度末") is due on its next occurrence on or after today.
 */
export function classifyTask(
  task: Task,
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
): ClassifiedTask {
  const due = task.due ?? (task.recurring ? nextRecurringDue(task.recurring, today) : null);
  const open = task.status !== 'done' && task.status !== 'paused' && !task.ongoing;
  const overdue = open && due !== null && due < today;
  const daysOverdue = overdue && due ? diffDays(due, today) : 0;
  const workdaysOverdue = overdue && due ? calendar.workdaysBetween(due, today) : 0;
  const workdaysLeft = open && due !== null && due >= today ? calendar.workdaysBetween(today, due) : null;
  const dueSoon = workdaysLeft !== null && workdaysLeft <= options.dueSoonWorkdays;
  const expectedProgress = task.ongoing ? null : expectedShare(task.start, due, today);
  const lag = open && expectedProgress !== null && task.progress !== null ? expectedProgress - task.progress : null;
  // The office's own "滞后" counts as behind even when the start date or progress is missing.
  const behind = (lag !== null && lag >= options.behindPoints) || (open && isLaggingStatus(task.raw.status));
  return {
    task,
    due,
    overdue,
    daysOverdue,
    workdaysOverdue,
    dueSoon,
    workdaysLeft,
    behind,
    expectedProgress,
    lag,
    light: lightFor({ overdue, workdaysOverdue, dueSoon, behind, lag }, options),
    escalate: workdaysOverdue > options.escalateAfterWorkdays,
  };
}

/** Classifies many tasks in one pass, sharing a working-day cache (linear in the number of tasks). */
export function classifyTasks(
  tasks: readonly Task[],
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
): ClassifiedTask[] {
  const cached = memoCalendar(calendar);
  return tasks.map((task) => classifyTask(task, today, cached, options));
}

/** Share (0..100) of the start–due window elapsed by today, in calendar days (序时进度); null when unknown. */
function expectedShare(start: IsoDate | null, due: IsoDate | null, today: IsoDate): number | null {
  if (!start || !due || due <= start) return null;
  const share = (diffDays(start, today) / diffDays(start, due)) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

/**
 * The warning level: red when overdue by more than redOverdueWorkdays or lagging by more than redBehindPoints; yellow
 * when overdue (less long) or lagging by behindPoints or more (or marked 滞后); blue when due within dueSoonWorkdays.
 */
function lightFor(v: { overdue: boolean; workdaysOverdue: number; dueSoon: boolean; behind: boolean; lag: number | null }, options: ReportOptions): TrafficLight {
  if ((v.overdue && v.workdaysOverdue > options.redOverdueWorkdays) || (v.lag !== null && v.lag > options.redBehindPoints)) return 'red';
  if (v.overdue || v.behind) return 'yellow';
  if (v.dueSoon) return 'blue';
  return 'green';
}
