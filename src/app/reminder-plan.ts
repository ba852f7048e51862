/**
 * Today's reminders under the configuration (chats.default, chats.office, reminders.daysBefore), and their cards
 * with liaisons' accounts resolved: `duban remind` previews and every send read these two functions.
 */
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate, Ledger, ReportOptions, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { renderReminderCards, type ReminderCard } from '../render/reminders.js';
import { buildReminderPlan, mentionedAccounts } from '../reports/reminders.js';
import type { ReminderPlan, ReminderRouting } from '../reports/reminder-types.js';
import type { Delivery } from './delivery.js';

export interface ReminderInputs {
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
  config: Pick<DubanConfig, 'chats' | 'reminders'>;
}

/**
 * The reminder plan under the configured routing and policy; `alreadyReminded` leaves out what was sent today,
 * `unacknowledged` escalates what was not acknowledged in time (both read from the store when there is one).
 */
export function planReminders(
  inputs: ReminderInputs,
  alreadyReminded?: ReminderRouting['alreadyReminded'],
  unacknowledged?: ReminderRouting['unacknowledged'],
): ReminderPlan {
  const { chats, reminders } = inputs.config;
  return buildReminderPlan(inputs.ledger, inputs.directory, inputs.today, inputs.calendar, inputs.options, {
    defaultChat: chats.default ?? null,
    officeChat: chats.office ?? null,
    daysBefore: reminders.daysBefore,
    alreadyReminded,
    unacknowledged,
  });
}

/**
 * The plan's cards as they are posted: accounts resolved to open_ids through Feishu when `delivery` is given (those
 * that cannot be are listed for the office); without it (local mode) open_ids are mentioned and the rest by name.
 */
export async function reminderCards(
  plan: ReminderPlan,
  delivery: Pick<Delivery, 'resolveMentions'> | null,
  sheetUrl: string | null,
): Promise<ReminderCard[]> {
  const { ids, unresolved } = delivery ? await delivery.resolveMentions(mentionedAccounts(plan)) : { ids: new Map<string, string>(), unresolved: [] };
  return renderReminderCards(plan, { mentionIds: ids, unresolvedAccounts: unresolved, sheetUrl });
}
