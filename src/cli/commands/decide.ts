/**
 * `duban approve R12 [--by NAME]` and `duban reject R12 --reason TEXT [--by NAME]`: the office's decision from the
 * terminal, the same as 同意 / 退回 in chat: the ledger written once, the review card updated, the liaison told.
 */
import { createDelivery } from '../../app/delivery.js';
import { cachedLedger } from '../../app/read-ledger.js';
import { reviewDeps } from '../../app/review-loop.js';
import { openLedger } from '../../app/bundled-example.js';
import { decide } from '../../review/decide.js';
import { storeLedgerLock } from '../../sources/locked-writes.js';
import { openStore } from '../../store/open-store.js';
import { UsageError, type CliArgs } from '../args.js';
import { ledgerLocation, loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';
import { ledgerView } from '../stored.js';
import { ledgerOfRequest } from '../choose-ledger.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const approve = args.command === 'approve';
  const [id] = args.positionals;
  if (!id || !/^R\d+$/i.test(id)) throw new UsageError(`请给出申请编号，例如：duban ${args.command} R12${approve ? '' : ' --reason "佐证材料不全"'}`);
  if (!approve && !args.reason?.trim()) throw new UsageError('退回须写明原因：duban reject R12 --reason "佐证材料不全"');
  const configured = loadRuntime(args, io);
  const opened = await openStore(configured.loaded.dataDir, configured.loaded.config.store, { logger: configured.logger });
  try {
    // With several ledgers and no --ledger, the request's own ledger.
    const runtime = { ...configured, loaded: await ledgerOfRequest(configured.loaded, args.command, opened, id.toUpperCase()) };
    const { config } = runtime.loaded;
    const { sheet, units } = ledgerLocation(args, io, runtime);
    const delivery = await createDelivery(config, runtime.logger);
    const store = ledgerView(opened, runtime.loaded);
    // Written under the store's ledger lock: a replica of `duban serve` writing the same ledger waits, and so does this.
    const source = openLedger(sheet, { units, logger: runtime.logger, env: runtime.loaded.sourceEnv, feishuApi: delivery.client ? () => delivery.client! : undefined, ledgerLock: storeLedgerLock(store) });
    const deps = reviewDeps({ config, store, source, ledgerFor: cachedLedger(source), delivery, logger: runtime.logger, now: io.now });
    const verdict = approve ? ({ approve: true } as const) : { approve: false as const, reason: args.reason!.trim() };
    const outcome = await decide(deps, id.toUpperCase(), verdict, { name: args.by?.trim() || '督办办公室' });
    if (args.format === 'json') println(io.stdout, JSON.stringify({ ok: outcome.ok, title: outcome.title, lines: outcome.lines, request: outcome.request ?? null }, null, 2));
    else println(io.stdout, [outcome.title, ...outcome.lines.map((l) => `  ${l}`)].join('\n'));
    return outcome.ok ? 0 : 1;
  } finally {
    await opened.close();
  }
}
