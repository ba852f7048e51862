/**
 * The reminder plan: the ONE place that decides who is reminded of what, and in which chat. The previews
 * (`duban remind`) and the sending path (`remind --send`, the scheduler) both read it.
 */
import type { IsoDate, Ledger, ReportOptions, Task, Unit, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import type { ClassifiedTask } from './classify.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import type { Mention, OfficeGaps, ReminderDelivery, ReminderMessage, ReminderPlan, ReminderRouting, UnitReminder } from './reminder-types.js';
import { byMostOverdue, bySoonestDue, compareText } from './sort.js';

/**
 * Plans today's reminders: one message per recipient chat, a section per lead unit with its overdue, escalation
 * and due-soon tasks. A unit's own work group comes first, then the default group; units with neither go to the
 * office chat (merged into its message when the office chat is also a unit's group), or nowhere when that is unset.
 * Done, paused and ongoing tasks are never reminded, tasks already reminded today are left out; nothing on non-working days.
 * A task a unit has not acknowledged (签收) in time is escalated like a long-overdue one: the unit's leader is mentioned.
 */
export function buildReminderPlan(
  ledger: Ledger,
  directory: UnitDirectory,
  today: IsoDate,
  calendar: WorkCalendar,
  options: ReportOptions,
  routing: ReminderRouting,
): ReminderPlan {
  const plan: ReminderPlan = {
    date: today,
    workday: calendar.isWorkday(today),
    messages: [],
    unitsWithoutLiaison: [],
    officeChat: routing.officeChat,
  };
  if (!plan.workday) return plan;
  const views = ledgerViews(ledger, today, calendar, options);
  const ledgerUnits = new Map(ledger.units.map((u) => [u.name, u]));
  const byChat = new Map<string, ReminderMessage>();
  const withoutGroup: UnitReminder[] = [];
  const byLead = indexLedger(ledger).byLead;
  for (const name of [...byLead.keys()].sort(compareText)) {
    const fresh = routing.alreadyReminded ? (task: Task) => !routing.alreadyReminded!(task.id, name) : () => true;
    const unacknowledged = routing.unacknowledged ? (task: Task) => routing.unacknowledged!(task.id, name) : () => false;
    const section = unitSection(name, (byLead.get(name) ?? []).filter(fresh), views.view, routing.daysBefore, unacknowledged);
    if (!section) continue;
    const unit = directory.get(name) ?? ledgerUnits.get(name);
    fillMentions(section, unit);
    if (!section.liaison) plan.unitsWithoutLiaison.push(name);
    const chat = unit?.chat || routing.defaultChat;
    if (!chat) {
      withoutGroup.push(section);
      continue;
    }
    const message = byChat.get(chat) ?? { chat, route: unit?.chat ? 'unit' : 'default', units: [] };
    byChat.set(chat, message);
    message.units.push(section);
  }
  plan.messages = [...byChat.values()];
  if (withoutGroup.length > 0) plan.messages.push(...officeFallback(plan.messages, withoutGroup, routing.officeChat));
  return plan;
}

/** Units without any group go to the office chat, joining its message when a unit's own group is the office chat. */
function officeFallback(messages: ReminderMessage[], units: UnitReminder[], officeChat: string | null): ReminderMessage[] {
  const same = officeChat ? messages.find((m) => m.chat === officeChat) : undefined;
  if (!same) return [{ chat: officeChat, route: officeChat ? 'office' : 'none', units }];
  same.route = 'office';
  same.units.push(...units);
  return [];
}

/**
 * The messages as they go out: the plan's, and the office's to-do list (units without a liaison account, accounts
 * Feishu could not resolve) riding along with the office chat's reminders, or on its own when that chat has none.
 */
export function reminderDeliveries(plan: ReminderPlan, unresolvedAccounts: readonly string[] = []): ReminderDelivery[] {
  const key = (chat: string | null, gapsOnly = false) => (gapsOnly ? `remind-office|${plan.date}` : `remind|${plan.date}|${chat ?? ''}`);
  const deliveries: ReminderDelivery[] = plan.messages.map((message) => ({ chat: message.chat, key: key(message.chat), message, gaps: null }));
  const gaps: OfficeGaps = { unitsWithoutLiaison: [...plan.unitsWithoutLiaison], unresolvedAccounts: [...unresolvedAccounts] };
  if (gaps.unitsWithoutLiaison.length + gaps.unresolvedAccounts.length === 0) return deliveries;
  // The store keeps one message per chat and run: the office's list joins the office chat's reminders.
  const office = deliveries.find((d) => d.chat !== null && d.chat === plan.officeChat);
  if (office) office.gaps = gaps;
  else deliveries.push({ chat: plan.officeChat, key: key(plan.officeChat, true), message: null, gaps });
  return deliveries;
}

/** Every account the plan @-mentions (liaisons, and leaders on escalation), once each. */
export function mentionedAccounts(plan: ReminderPlan): string[] {
  const accounts = plan.messages.flatMap((m) => m.units.flatMap((s) => [s.liaison?.account, s.leader?.account]));
  return [...new Set(accounts.filter((a): a is string => Boolean(a)))];
}

function unitSection(
  unit: string,
  tasks: readonly Task[],
  view: (task: Task) => ClassifiedTask,
  daysBefore: number[] | null | undefined,
  unacknowledged: (task: Task) => boolean,
): UnitReminder | null {
  const section: UnitReminder = { unit, liaison: null, leader: null, escalation: [], unacknowledged: [], overdue: [], dueSoon: [] };
  for (const task of tasks) {
    const v = view(task);
    const open = task.status !== 'done' && task.status !== 'paused';
    if (v.escalate) section.escalation.push(v);
    else if (open && unacknowledged(task)) {
      section.escalation.push(v);
      section.unacknowledged.push(task.id);
    }
    else if (v.overdue) section.overdue.push(v);
    else if (remindDueSoon(v, daysBefore)) section.dueSoon.push(v);
  }
  if (section.escalation.length + section.overdue.length + section.dueSoon.length === 0) return null;
  section.escalation.sort(byMostOverdue);
  section.overdue.sort(byMostOverdue);
  section.dueSoon.sort(bySoonestDue);
  return section;
}

/** With a daysBefore policy, due-soon tasks are reminded only on those days and on the due day itself. */
function remindDueSoon(v: ClassifiedTask, daysBefore: number[] | null | undefined): boolean {
  if (v.workdaysLeft === null) return false;
  if (!daysBefore) return v.dueSoon;
  return v.workdaysLeft === 0 || daysBefore.includes(v.workdaysLeft);
}

function fillMentions(section: UnitReminder, unit: Unit | undefined): void {
  if (unit?.liaisonAccount) section.liaison = mention(unit.liaisonAccount, unit.liaison, 'liaison');
  if (unit?.leaderAccount && section.escalation.length > 0) section.leader = mention(unit.leaderAccount, unit.leader, 'leader');
}

function mention(account: string, name: string | null, role: Mention['role']): Mention {
  return { account, name: name?.trim() || account, role };
}
