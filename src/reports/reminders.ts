import type { IsoDate, Ledger, ReportOptions, Task, Unit, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import type { ClassifiedTask } from './classify.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import type { Mention, ReminderMessage, ReminderPlan, ReminderRouting, UnitReminder } from './reminder-types.js';
import { byMostOverdue, bySoonestDue, compareText } from './sort.js';

/**
 * Plans today's reminders: one message per recipient chat, a section per lead unit with its overdue,
 * escalation and due-soon tasks. Done, paused and ongoing tasks are never reminded; nothing on non-working days.
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
  const byLead = indexLedger(ledger).byLead;
  for (const name of [...byLead.keys()].sort(compareText)) {
    const section = unitSection(name, byLead.get(name) ?? [], views.view, routing.daysBefore);
    if (!section) continue;
    const unit = directory.get(name) ?? ledgerUnits.get(name);
    fillMentions(section, unit);
    if (!section.liaison) plan.unitsWithoutLiaison.push(name);
    const route = unit?.chat ? 'unit' : routing.defaultChat ? 'default' : 'none';
    const chat = unit?.chat || routing.defaultChat || null;
    const key = chat ?? '';
    let message = byChat.get(key);
    if (!message) {
      message = { chat, route, units: [] };
      byChat.set(key, message);
    }
    message.units.push(section);
  }
  plan.messages = [...byChat.values()].sort((a, b) => Number(a.chat === null) - Number(b.chat === null));
  return plan;
}

function unitSection(
  unit: string,
  tasks: readonly Task[],
  view: (task: Task) => ClassifiedTask,
  daysBefore: number[] | null | undefined,
): UnitReminder | null {
  const section: UnitReminder = { unit, liaison: null, leader: null, escalation: [], overdue: [], dueSoon: [] };
  for (const task of tasks) {
    const v = view(task);
    if (v.escalate) section.escalation.push(v);
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
