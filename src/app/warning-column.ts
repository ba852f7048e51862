/**
 * The 预警 column (warnings.writeColumn): each task's warning level written into the ledger, in the column's own
 * words, only where the sheet has that column and only for tasks whose cell says something else.
 */
import type { IsoDate, Ledger, TrafficLight } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { ClassifiedTask } from '../reports/classify.js';
import { lightOf } from '../sources/ledger-words.js';
import type { LedgerSource } from '../sources/source.js';

/** The tasks whose 预警 cell does not say their level; none when the sheet has no 预警 column. */
export function warningColumnChanges(ledger: Ledger, views: readonly ClassifiedTask[]): { id: string; light: TrafficLight }[] {
  if (!ledger.columns?.includes('warning') || !ledger.columns.includes('id')) return [];
  const seen = new Set<string>();
  const changes: { id: string; light: TrafficLight }[] = [];
  for (const { task, light } of views) {
    // A duplicated id cannot be written (the write-back refuses it); the ledger check reports it.
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    if (lightOf(task.raw.warning.trim()) !== light) changes.push({ id: task.id, light });
  }
  return changes;
}

/** Writes the changed levels one task at a time; a task that cannot be written is logged and skipped. */
export async function writeWarningColumn(
  source: LedgerSource,
  ledger: Ledger,
  views: readonly ClassifiedTask[],
  today: IsoDate,
  logger: Logger,
): Promise<{ written: number; failed: string[] }> {
  const failed: string[] = [];
  let written = 0;
  for (const { id, light } of warningColumnChanges(ledger, views)) {
    try {
      const outcome = await source.updateTask(id, { date: today, warning: light });
      if (outcome.changes.length > 0) written += 1;
      for (const warning of outcome.warnings ?? []) logger.warn('warnings.column_not_written', { task: id, detail: warning, setting: 'warnings.writeColumn' });
    } catch (error) {
      failed.push(id);
      logger.warn('warnings.column_write_failed', { task: id, error: (error as Error).message, setting: 'warnings.writeColumn' });
    }
  }
  if (written > 0 || failed.length > 0) logger.info('warnings.column_written', { written, failed: failed.length });
  return { written, failed };
}
