/**
 * One task, one notice (一事一单): the 督办通知单 of a task as a view model — the task, its lead unit, the original
 * and current deadline, how long it is overdue and why it is graded so, its trail (reminders, 签收, requests and
 * decisions) and the date a written reply is due. Pure.
 */
import { wallClock } from '../calendar/zoned-time.js';
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import type { AckFact, ReminderFact, RequestFact } from './loop-facts.js';
import type { ClassifiedTask } from './classify.js';
import { warningReason } from './warning-reason.js';

/** One line of a task's trail. */
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
  timezone: string;
  reminders: readonly ReminderFact[];
  requests: readonly RequestFact[];
  acks: readonly AckFact[];
}

const REMINDER_EVENTS: Record<ReminderFact['kind'], string> = { due_soon: '到期提醒', overdue: '逾期催办', escalation: '建议督办' };
const REQUEST_EVENTS: Record<RequestFact['kind'], string> = { ack: '签收', progress: '进度填报', complete: '申请办结', extend: '申请延期' };
const DECISIONS: Record<RequestFact['status'], string> = { pending: '待审核', approved: '已同意', rejected: '已退回', failed: '写回失败' };

/** The notice of a classified task for `today`, with its trail oldest first. */
export function buildNotice(view: ClassifiedTask, inputs: NoticeInputs): TaskNotice {
  const id = view.task.id;
  const local = (instant: string) => wallClock(new Date(instant), inputs.timezone).date;
  const trail: TrailEntry[] = [
    ...inputs.reminders.filter((r) => r.taskId === id).map((r) => ({ date: r.date, event: REMINDER_EVENTS[r.kind], detail: `${r.unit}${r.outcome === 'sent' ? '' : '（未发出）'}` })),
    ...inputs.acks.filter((a) => a.taskId === id).map((a) => ({ date: local(a.at), event: '签收', detail: `${a.unit} ${a.by}` })),
    ...inputs.requests.filter((r) => r.taskId === id).map((r) => ({
      date: local(r.at),
      event: REQUEST_EVENTS[r.kind],
      detail: [`${r.unit} ${r.by}`, r.newDue ? `申请延至 ${r.newDue}` : '', r.reason ?? r.note ?? '', DECISIONS[r.status]].filter(Boolean).join('，'),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    view,
    originalDue: view.task.originalDue ?? inputs.requests.find((r) => r.taskId === id && r.kind === 'extend' && r.status === 'approved' && r.oldDue)?.oldDue ?? view.due,
    reason: warningReason(view),
    escalated: view.escalate,
    replyBy: inputs.calendar.addWorkdays(inputs.today, inputs.replyWorkdays),
    trail,
    issued: inputs.today,
  };
}
