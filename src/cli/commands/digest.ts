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

/** What changed since the last digest the service sent, when its store exists (read only: nothing is saved). */
async function changesFromStore(ctx: LedgerContext) {
  const { dataDir, config } = ctx.loaded;
  if (!storeExists(dataDir, config.store)) return null;
  const [{ openStore }, { changesSince }] = await Promise.all([import('../../store/open-store.js'), import('../../app/runs.js')]);
  const store = await openStore(dataDir, config.store, { logger: ctx.logger });
  try {
    return (await changesSince(store, ctx.ledger, ctx.today, ctx.calendar, config.staleAfterWorkdays, 'digest')).changes;
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
  const digest = buildDigest(ctx.ledger, ctx.today, ctx.calendar, ctx.options, await changesFromStore(ctx));
  emit(io, args.format, {
    text: () => renderDigestText(digest, { color: useColor(io) }),
    markdown: () => renderDigestMarkdown(digest),
    card: () => renderDigestCard(digest, { sheetUrl: ctx.sheetUrl }),
    json: () => digestToJson(digest),
  });
  return 0;
}
