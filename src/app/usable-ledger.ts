/**
 * A ledger that cannot be read as a ledger (no header row, no task below it) must not produce a digest or reminders:
 * a green "0/0, 逾期 0" digest would tell the leaders all is well. The CLI exits 1; the service records the run as
 * failed (retried later) while the office gets the sheet check.
 */
import type { Ledger } from '../domain/types.js';

// Problems shown in the message; `duban validate` lists them all.
const SHOWN = 5;

/** Thrown instead of building a digest or reminders from a ledger without tasks. */
export class UnusableLedgerError extends Error {
  override readonly name = 'UnusableLedgerError';
}

/** Throws UnusableLedgerError when the ledger has no task; the message says why, from the ledger check, in Chinese. */
export function assertUsableLedger(ledger: Ledger): void {
  if (ledger.tasks.length > 0) return;
  const reasons = [...ledger.problems].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error')).slice(0, SHOWN);
  const lines = reasons.map((p) => `  · ${p.message}`);
  throw new UnusableLedgerError(
    [`台账 ${ledger.source} 中读不出任务，没有生成简报或提醒，也没有发送：`, ...lines, '请修正台账后重试；运行 duban validate 查看完整的体检结果。'].join('\n'),
  );
}
