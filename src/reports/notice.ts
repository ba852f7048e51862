/**
 * One task, one notice (一事一单): the 督办通知单 of a task as a view model — the task, its lead unit, the original
 * and current deadline, how long it is overdue and why it is graded so, its trail (as `duban history` tells it) and
 * the date a written reply is due. Pure.
 */
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';
import type { RequestFact } from './loop-facts.js';
import { warningReason } from './warning-reason.js';

/** One line of a task's trail: the local day, the step ("提醒", "签收", "申请" …) and what happened. */
export interface TrailEntry {
  date: IsoDate;
  event: string;
  detail: string;
}

export interface TaskNotice {
  view: ClassifiedTask;
  /** The deadline before any extension (原截止日期), else the current one. */
  originalDue: IsoDate | null;
  reason: string;
  /** Whether the task is on the 建议督办 list. */
  escalated: boolean;
  /** The day the unit's written reply is due. */
  replyBy: IsoDate;
  trail: TrailEntry[];
  issued: IsoDate;
}

export interface NoticeInputs {
  today: IsoDate;
  calendar: WorkCalendar;
  /** Working days the unit has to reply in writing. */
  replyWorkdays: number;
  /** The task's requests (an approved extension keeps the original deadline). */
  requests: readonly RequestFact[];
  /** The task's trail, oldest first. */
  trail: TrailEntry[];
}

/** The notice of a classified task for `today`. */
export function buildNotice(view: ClassifiedTask, inputs: NoticeInputs): TaskNotice {
  const extension = inputs.requests.find((r) => r.taskId === view.task.id && r.kind === 'extend' && r.status === 'approved' && r.oldDue);
  return {
    view,
    originalDue: view.task.originalDue ?? extension?.oldDue ?? view.due,
    reason: warningReason(view),
    escalated: view.escalate,
    replyBy: inputs.calendar.addWorkdays(inputs.today, inputs.replyWorkdays),
    trail: inputs.trail,
    issued: inputs.today,
  };
}
