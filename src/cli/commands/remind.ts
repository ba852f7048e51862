/** `duban remind`: the reminders that would go out today, one message per chat. */
import { buildReminderPlan } from '../../reports/reminders.js';
import { reminderPlanToJson } from '../../reports/reminders-json.js';
import { renderReminderCards, renderReminderMarkdown, renderReminderText } from '../../render/reminders.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext, type LedgerContext } from '../context.js';
import type { CliIO } from '../io.js';
import { emit, note, useColor } from '../output.js';

/** Today's reminder plan under the configured routing and reminder policy (reminders.daysBefore). */
export function reminderPlanFor(ctx: LedgerContext) {
  const { chats, reminders } = ctx.loaded.config;
  return buildReminderPlan(ctx.ledger, ctx.directory, ctx.today, ctx.calendar, ctx.options, {
    defaultChat: chats.default ?? null,
    officeChat: chats.office ?? null,
    daysBefore: reminders.daysBefore,
  });
}

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  note(io, args.format, ctx.dateNote);
  for (const notice of ctx.notices) note(io, args.format, notice);
  // Sending needs the store and the Feishu client: loaded only with --send.
  if (args.send) return (await import('../send.js')).sendReminders(args, io, ctx);
  const plan = reminderPlanFor(ctx);
  emit(io, args.format, {
    text: () => renderReminderText(plan, { color: useColor(io) }),
    markdown: () => renderReminderMarkdown(plan),
    card: () => renderReminderCards(plan, { sheetUrl: ctx.sheetUrl }),
    json: () => reminderPlanToJson(plan),
  });
  return 0;
}
