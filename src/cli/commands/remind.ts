/** `duban remind`: the reminders that would go out today, one message per chat, read from the same plan as `--send`. */
import { planReminders, reminderCards } from '../../app/reminder-plan.js';
import { reminderPlanToJson } from '../../reports/reminder-items.js';
import { renderReminderMarkdown, renderReminderText } from '../../render/reminders.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext, type LedgerContext } from '../context.js';
import type { CliIO } from '../io.js';
import { assertUsableLedger } from '../../app/usable-ledger.js';
import { storeExists } from '../../store/store-file.js';
import { emit, notice, useColor } from '../output.js';
import { ledgerView } from '../stored.js';

/** The cards `--send` would post: in Feishu mode with the liaisons' accounts resolved as the send resolves them. */
async function previewCards(ctx: LedgerContext, plan: ReturnType<typeof planReminders>) {
  const { createDelivery } = await import('../../app/delivery.js');
  const delivery = ctx.loaded.mode === 'feishu' ? await createDelivery(ctx.loaded.config, ctx.logger) : null;
  return reminderCards(plan, delivery, ctx.sheetUrl);
}

/** The tasks not acknowledged in time, from the service's store when it exists (read only), so the preview escalates as the send does. */
async function unacknowledged(ctx: LedgerContext) {
  const { dataDir, config } = ctx.loaded;
  if (!storeExists(dataDir, config.store)) return undefined;
  const [{ openStore }, { ackOverdue }] = await Promise.all([import('../../store/open-store.js'), import('../../app/acknowledgements.js')]);
  const store = ledgerView(await openStore(dataDir, config.store, { logger: ctx.logger }), ctx.loaded);
  try {
    return await ackOverdue(store, ctx.today, ctx.calendar, ctx.loaded.config.reminders.ackWithinWorkdays);
  } finally {
    await store.close();
  }
}

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const ctx = await loadLedgerContext(args, io);
  notice(io, ctx.dateNote);
  for (const text of ctx.notices) notice(io, text);
  assertUsableLedger(ctx.ledger);
  // Sending needs the store and the Feishu client: loaded only with --send.
  if (args.send) return (await import('../send.js')).sendReminders(io, ctx);
  const plan = planReminders({ ...ctx, config: ctx.loaded.config }, undefined, await unacknowledged(ctx));
  const cards = args.format === 'card' ? await previewCards(ctx, plan) : [];
  emit(io, args.format, {
    text: () => renderReminderText(plan, { color: useColor(io) }),
    markdown: () => renderReminderMarkdown(plan),
    card: () => cards,
    json: () => reminderPlanToJson(plan),
  });
  return 0;
}
