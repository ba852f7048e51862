/** The write-back sequence every backend shares: re-read, find the row by id, write only the planned cells. */
import { createKeyedQueue } from '../feishu/keyed-queue.js';
import type { RawTable } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { TaskUpdate, WriteOutcome } from './source.js';
import { planWriteBack, type WritePlan } from './write-back.js';

export interface UpdateSteps {
  location: string;
  logger: Logger;
  /** Reads the ledger as it is now (never a cached copy); a backend that can filter may return only the id's rows. */
  readLedger(id: string): Promise<RawTable>;
  /** Writes the plan's cells (only called when there is something to write). */
  writeCells(plan: WritePlan): Promise<void>;
  /** Names where the task was found when row numbers mean nothing (Bitable); row numbers are shown otherwise. */
  place?(plan: WritePlan): string;
}

/**
 * Returns an `updateTask` that runs one update at a time per source, so two updates of the same task cannot both
 * append to the note they read before the other wrote.
 */
export function createUpdater(steps: UpdateSteps): (id: string, update: TaskUpdate) => Promise<WriteOutcome> {
  const serial = createKeyedQueue();
  return (id, update) =>
    serial('update', async () => {
      const plan = planWriteBack(await steps.readLedger(id.trim()), id, update);
      if (plan.cells.length > 0) await steps.writeCells(plan);
      steps.logger.info('ledger task updated', { source: steps.location, id: plan.id, row: plan.row, cells: plan.cells.length });
      const changes = plan.cells.map(({ column, before, after }) => ({ column, before, after }));
      return { id: plan.id, row: plan.row, place: steps.place?.(plan), changes, warnings: plan.warnings };
    });
}
