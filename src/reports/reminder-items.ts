/** The reminder plan as items (unit, chat, kind, tasks, mentions): the remind JSON and the reminder log both read them. */
import type { ReminderKind, ReminderPlan, UnitReminder } from './reminder-types.js';

const KINDS: readonly [ReminderKind, keyof Pick<UnitReminder, 'escalation' | 'overdue' | 'dueSoon'>][] = [
  ['escalation', 'escalation'],
  ['overdue', 'overdue'],
  ['due_soon', 'dueSoon'],
];

/** One (unit, kind) of a chat's message: the tasks it reminds of and whom it @-mentions. */
export interface ReminderItem {
  unit: string;
  chat: string | null;
  kind: ReminderKind;
  taskIds: string[];
  mentions: string[];
}

/** Accounts @-mentioned for a kind: the liaison always, the leader on escalations. */
function mentionsFor(section: UnitReminder, kind: ReminderKind): string[] {
  const accounts = section.liaison ? [section.liaison.account] : [];
  if (kind === 'escalation' && section.leader) accounts.push(section.leader.account);
  return accounts;
}

/** All task ids of a unit section, escalations first. */
function sectionTaskIds(section: UnitReminder): string[] {
  return KINDS.flatMap(([, field]) => section[field].map((v) => v.task.id));
}

/** The plan's items, message by message, unit by unit, escalations first. */
export function reminderItems(plan: ReminderPlan): ReminderItem[] {
  return plan.messages.flatMap((message) =>
    message.units.flatMap((section) =>
      KINDS.filter(([, field]) => section[field].length > 0).map(([kind, field]) => ({
        unit: section.unit,
        chat: message.chat,
        kind,
        taskIds: section[field].map((v) => v.task.id),
        mentions: mentionsFor(section, kind),
      })),
    ),
  );
}

/** The plan as the documented JSON shape (docs/contracts.md "remind"): one entry per (unit, kind), plus `deliveries` (one per chat). */
export function reminderPlanToJson(plan: ReminderPlan): Record<string, unknown> {
  return {
    date: plan.date,
    workday: plan.workday,
    messages: reminderItems(plan),
    deliveries: plan.messages.map((message) => ({
      chat: message.chat,
      route: message.route,
      units: message.units.map((s) => s.unit),
      taskIds: [...new Set(message.units.flatMap(sectionTaskIds))],
    })),
    unitsWithoutLiaison: plan.unitsWithoutLiaison,
  };
}
