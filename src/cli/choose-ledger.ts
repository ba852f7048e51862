/**
 * Which configured ledger a command works on: --ledger (a name or an alias), else the only one. With several ledgers
 * and no --ledger a command on a ledger asks for one, listing the names; `serve` without --ledger serves them all.
 */
import type { LoadedConfig } from '../config/load-config.js';
import { sameSheetWarnings } from '../config/ledger-entries.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { nearestWord } from '../domain/edit-distance.js';
import type { CommandName } from './command-table.js';
import { UsageError } from './args.js';

/**
 * Commands that work without a chosen ledger even when several are configured: serve and validate (all of them), the
 * ones about no ledger, and approve / reject (the request's ledger is looked up: ledgerOfRequest).
 */
const ANY_LEDGER: ReadonlySet<CommandName> = new Set(['serve', 'chats', 'store', 'help', 'import-plan', 'approve', 'reject', 'validate']);

/** The configuration narrowed to the chosen ledger (its merged settings as `config`); unchanged for one ledger. */
export function chooseLedger(loaded: LoadedConfig, command: CommandName, wanted: string | undefined): LoadedConfig {
  const names = loaded.ledgers.map((l) => l.name);
  if (wanted !== undefined) {
    const found = loaded.ledgers.find((l) => l.name === wanted || l.aliases.includes(wanted));
    if (!found) {
      const near = nearestWord(wanted, [...names, ...loaded.ledgers.flatMap((l) => l.aliases)]);
      const configured = loaded.ledgers.length === 1 && !loaded.file ? '没有配置 ledgers:' : `配置的台账：${names.join('、')}`;
      throw new UsageError(`没有名为“${wanted}”的台账${near ? `，是不是 --ledger ${near}？` : '。'}（${configured}）`);
    }
    return { ...loaded, config: found.config, ledger: found.name, ledgers: [found] };
  }
  if (loaded.ledger !== null || ANY_LEDGER.has(command)) return loaded;
  throw new UsageError(`配置了 ${names.length} 个台账（${names.join('、')}），请用 --ledger 指定其中一个，例如 duban ${command} --ledger ${names[0]}。`);
}

/** Two ledgers reading one sheet is allowed (one table, two offices) but usually a copy-paste slip: a warning says so. */
export function warnSameSheets(loaded: LoadedConfig, logger: Logger): void {
  for (const { sheet, ledgers } of sameSheetWarnings(loaded.ledgers.map((l) => ({ name: l.name, sheet: l.config.sheet })))) {
    logger.warn('config.same_sheet', { setting: 'ledgers[].sheet', sheet, ledgers, hint: 'these ledgers read the same sheet; give each its own sheet unless that is intended' });
  }
}

/**
 * The configuration narrowed to the ledger holding request `id` (request ids are numbered across the whole store),
 * when no ledger was chosen; a request in none of them asks for --ledger.
 */
export async function ledgerOfRequest(loaded: LoadedConfig, command: CommandName, store: Store, id: string): Promise<LoadedConfig> {
  if (loaded.ledger !== null) return loaded;
  for (const ledger of loaded.ledgers) {
    if (await store.forLedger(ledger.name).request(id)) return chooseLedger(loaded, command, ledger.name);
  }
  const names = loaded.ledgers.map((l) => l.name);
  throw new UsageError(`没有在任何台账中找到申请 ${id}（配置的台账：${names.join('、')}）；请核对编号，或用 --ledger 指定台账，例如 duban ${command} ${id} --ledger ${names[0]}。`);
}
