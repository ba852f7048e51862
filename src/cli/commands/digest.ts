/** `duban digest`: the daily progress digest for the leaders. */
import { buildDigest } from '../../reports/digest.js';
import { digestToJson } from '../../reports/digest-json.js';
import { renderDigestCard, renderDigestMarkdown, renderDigestText } from '../../render/digest.js';
import type { CliArgs } from '../args.js';
import { loadLedgerContext, type LedgerContext } from '../context.js';
import { storeExists } from '../../store/store-file.js';
import type { CliIO } from '../io.js';
import { assertUsableLedger } from '../../app/usable-ledger.js';
import { emit, notice, useColor } from '../output.js';

/**
 * What changed since the last digest the service sent (and the snapshots before it, for the trend), and who has not reported this month (after collect.day), from
 * its store when it exists (read only: nothing is saved); without a store only the ledger's 更新时间 counts as reported.
 */
async function fromStore(ctx: LedgerContext) {
  const { dataDir, config } = ctx.loaded;
  const { notReported } = await import('../../app/collection.js');
  const collection = { parsed: { ledger: ctx.ledger, directory: ctx.directory, revision: null }, today: ctx.today, calendar: ctx.calendar, config };
  // Without a store nothing of it is loaded (SQLite, the runs): a first digest starts as fast as it can.
  if (!storeExists(dataDir, config.store)) return { changes: null, history: [], unreported: await notReported({ ...collection, store: null }) };
  const [{ openStore }, { changesSince }, { ledgerView }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../app/runs.js'),
    import('../stored.js'),
  ]);
  const store = ledgerView(await openStore(dataDir, config.store, { logger: ctx.logger }), ctx.loaded);
  try {
    const { changes, history } = await changesSince(store, ctx.ledger, ctx.today, ctx.calendar, config.staleAfterWorkdays, 'digest');
    return { changes, history, unreported: await notReported({ ...collection, store }) };
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
  if (args.send) return (await import('../send.js')).sendDigest(io, ctx);
  const { changes, history, unreported } = await fromStore(ctx);
  const digest = buildDigest(ctx.ledger, ctx.today, ctx.calendar, ctx.options, changes, history);
  if (unreported) digest.notReported = unreported;
  emit(io, args.format, {
    text: () => renderDigestText(digest, { color: useColor(io) }),
    markdown: () => renderDigestMarkdown(digest),
    card: () => renderDigestCard(digest, { sheetUrl: ctx.sheetUrl }),
    json: () => digestToJson(digest),
  });
  return 0;
}
