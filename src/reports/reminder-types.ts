/** The reminder plan's data: who is reminded of which tasks, in which chat, and what the office must fix. */
import type { IsoDate } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';

/** The kinds of reminder entries in the remind JSON. */
export type ReminderKind = 'overdue' | 'due_soon' | 'escalation';

/** Where reminders go when a unit has no work group of its own, which due-soon days to remind on, and what was already sent. */
export interface ReminderRouting {
  /** The group for units without a work group of their own (chats.default). */
  defaultChat: string | null;
  /** The office chat (chats.office): reminders of units with no group at all, and the office's to-do list. */
  officeChat: string | null;
  /** Working days before the due date to remind on (e.g. [3, 1]); the due day itself always counts. Null: every due-soon day. */
  daysBefore?: number[] | null;
  /** True when the task was already reminded to this unit today (by any run): it is left out of the plan. */
  alreadyReminded?: (taskId: string, unit: string) => boolean;
  /**
   * True when the unit was reminded of the task reminders.ackWithinWorkdays ago or more and has not acknowledged it
   * (签收): the open task is escalated like a long-overdue one.
   */
  unacknowledged?: (taskId: string, unit: string) => boolean;
}

/** A person to @-mention: `account` is an open_id, email or mobile (resolved to an open_id when rendering). */
export interface Mention {
  account: string;
  name: string;
  role: 'liaison' | 'leader';
}

/** The part of a chat message about one lead unit. */
export interface UnitReminder {
  unit: string;
  /** The liaison to @; null when the unit has no liaison account (then the unit is in plan.unitsWithoutLiaison). */
  liaison: Mention | null;
  /** The unit's leader, mentioned only when the unit has escalation tasks. */
  leader: Mention | null;
  /** Overdue by more than escalateAfterWorkdays working days (建议督办), or not acknowledged in time; most overdue first. */
  escalation: ClassifiedTask[];
  /** The ids of the escalation tasks that are there because the unit has not acknowledged them (未签收). */
  unacknowledged: string[];
  /** Overdue, not yet escalated, most overdue first. */
  overdue: ClassifiedTask[];
  /** Due soon, soonest first. */
  dueSoon: ClassifiedTask[];
}

/** One consolidated message per recipient chat per run. */
export interface ReminderMessage {
  /** The unit's work group, else the default group, else the office chat; null when none is configured (never sent). */
  chat: string | null;
  /** Why this chat: the units' own group, the default group, the office chat standing in for both, or no chat at all. */
  route: 'unit' | 'default' | 'office' | 'none';
  units: UnitReminder[];
}

/** What the office must fix before every reminder reaches a person. */
export interface OfficeGaps {
  /** Units reminded today that have no liaison account to @. */
  unitsWithoutLiaison: string[];
  /** Liaison or leader accounts Feishu could not resolve to a user (mentioned by name instead). */
  unresolvedAccounts: string[];
}

/** One message as it goes out: a chat's reminders, the office's to-do list, or both when the office chat gets reminders too. */
export interface ReminderDelivery {
  /** Null when no chat is configured: shown by the previews, never sent. */
  chat: string | null;
  /** The idempotency key: one message per chat and day. */
  key: string;
  message: ReminderMessage | null;
  gaps: OfficeGaps | null;
}

/** Today's reminders: the messages to send and what the office should fix. */
export interface ReminderPlan {
  date: IsoDate;
  /** False on a non-working day: nothing is planned (reminders never go out on holidays). */
  workday: boolean;
  messages: ReminderMessage[];
  /** Units in this plan that have no liaison account to @: for the office to fill in the unit directory. */
  unitsWithoutLiaison: string[];
  officeChat: string | null;
}
