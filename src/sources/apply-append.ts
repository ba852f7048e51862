/** The append sequence every backend shares: re-read the ledger, plan the rows below its last one, write them once. */
import { createKeyedQueue } from '../feishu/keyed-queue.js';
import type { RawTable } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import { planAppend, type AppendPlan } from './append-plan.js';
import type { AppendOutcome, NewRow } from './source.js';

export interface AppendSteps {
  location: string;
  logger: Logger;
  /** Reads the ledger as it is now (never a cached copy). */
  readLedger(): Promise<RawTable>;
  /**
   * Writes the planned rows. A backend without row numbers (Bitable) says where they went, the ids it gave (an
   * auto-number field) and what it could not write.
   */
  writeRows(plan: AppendPlan): Promise<Partial<AppendOutcome> | void>;
}

/** Returns an `appendRows` that runs one append at a time per source, so two appends cannot take the same ids. */
export function createAppender(steps: AppendSteps): (rows: NewRow[]) => Promise<AppendOutcome> {
  const serial = createKeyedQueue();
  return (rows) =>
    serial('append', async () => {
      const plan = planAppend(await steps.readLedger(), rows);
      const written = (rows.length > 0 ? await steps.writeRows(plan) : undefined) ?? {};
      steps.logger.info('ledger rows appended', { source: steps.location, rows: rows.length, firstRow: plan.firstRow });
      const lastRow = plan.firstRow + rows.length - 1;
      const place = written.place ?? (rows.length === 1 ? `第 ${plan.firstRow} 行` : `第 ${plan.firstRow}–${lastRow} 行`);
      return { ids: written.ids ?? plan.ids, place, warnings: [...plan.warnings, ...(written.warnings ?? [])] };
    });
}
