import type { IsoDate } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';

/** The kinds of reminder entries in the remind JSON. */
export type ReminderKind = 'overdue' | 'due_soon' | 'escalation';

/** Where reminders go when a unit has no work group of its own, and which due-soon days to remind on. */
export interface ReminderRouting {
  defaultChat: string | null;
  officeChat: string | null;
  /** Working days before the due date to remind on (e.g. [3, 1]); the due day itself always counts. Null: every due-soon day. */
  daysBefore?: number[] | null;
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
  /** Overdue by more than escalateAfterWorkdays working days (建议督办), most overdue first. */
  escalation: ClassifiedTask[];
  /** Overdue, not yet escalated, most overdue first. */
  overdue: ClassifiedTask[];
  /** Due soon, soonest first. */
  dueSoon: ClassifiedTask[];
}

/** One consolidated message per recipient chat per run. */
export interface ReminderMessage {
  /** The unit's work group, else the default group; null when neither is configured (office/terminal). */
  chat: string | null;
  /** Why this chat: the units' own group, the default group, or no chat at all. */
  route: 'unit' | 'default' | 'none';
  units: UnitReminder[];
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
