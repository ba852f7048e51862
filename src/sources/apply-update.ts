/**
 * The write-back sequence every backend shares: read the ledger as it is now, find the row by id, plan the cells in
 * the ledger's own words and forms, write only those. Nothing written is lost to a concurrent writer: a local file is
 * locked across processes and never replaced when it changed since it was read; an online sheet's row is re-read
 * right before the write (appends go onto what is there then) and its appended lines are checked afterwards.
 */
import { createKeyedQueue } from '../feishu/keyed-queue.js';
import type { Cell, RawTable } from '../domain/types.js';
import { cellText } from '../ledger/text.js';
import type { Logger } from '../log/logger.js';
import { LedgerChangedError } from './ledger-changed.js';
import type { ColumnRules, TaskUpdate, WriteOutcome } from './source.js';
import { locateTask } from './task-row.js';
import { planWriteBack, readUpdate, type WritePlan } from './write-back.js';
import { WriteBackError } from './write-back-error.js';
import { appendLine, neutraliseFormula } from './write-text.js';

export interface UpdateSteps {
  location: string;
  logger: Logger;
  /** Reads the ledger as it is now (never a cached copy); a backend that can filter may return only the id's rows. */
  readLedger(id: string): Promise<RawTable>;
  /** What the columns of the task's row can take (field types, select options, dropdown lists); all text when absent. */
  rulesFor?(table: RawTable, rowIndex: number): Promise<ColumnRules>;
  /** Writes the plan's cells (only called when there is something to write); throws LedgerChangedError to re-read. */
  writeCells(plan: WritePlan): Promise<void>;
  /** The plan's row as it is now, cells read as `readLedger` reads them: online sheets check it around the write. */
  readRow?(plan: WritePlan): Promise<Cell[]>;
  /** Runs one whole read–plan–write holding a lock other processes respect (a lock file beside a local ledger). */
  exclusive?<T>(work: () => Promise<T>): Promise<T>;
  /** Names where the task was found when row numbers mean nothing (Bitable); row numbers are shown otherwise. */
  place?(plan: WritePlan): string;
}

// Reads before giving up on a ledger that keeps changing under the write.
const MAX_ATTEMPTS = 5;
// Checks that an appended line is still there after writing (a concurrent writer may have replaced the cell).
const MAX_REAPPENDS = 3;

/**
 * Returns an `updateTask` that runs one update at a time per source (and, with `exclusive`, per ledger across
 * processes), so two updates of the same task cannot both append to the note they read before the other wrote.
 */
export function createUpdater(steps: UpdateSteps): (id: string, update: TaskUpdate) => Promise<WriteOutcome> {
  const serial = createKeyedQueue();
  const exclusive = steps.exclusive ?? (<T>(work: () => Promise<T>) => work());
  return (id, update) => serial('update', () => exclusive(() => update_(steps, id, update)));
}

async function update_(steps: UpdateSteps, id: string, update: TaskUpdate): Promise<WriteOutcome> {
  readUpdate(update);
  for (let attempt = 1; ; attempt += 1) {
    const table = await steps.readLedger(id.trim());
    const rules = steps.rulesFor ? await steps.rulesFor(table, locateTask(table, id).rowIndex) : undefined;
    const plan = planWriteBack(table, id, update, rules);
    try {
      if (plan.cells.length > 0) await write(steps, table, plan);
    } catch (error) {
      if (!(error instanceof LedgerChangedError)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new WriteBackError(`${error.message}，已重新读取 ${MAX_ATTEMPTS} 次仍在变化，本次更新未写入；请关闭正在编辑台账的程序或稍后重试。`, { cause: error });
      }
      steps.logger.info('ledger changed since it was read; reading it again', { source: steps.location, id: plan.id, attempt });
      continue;
    }
    steps.logger.info('ledger task updated', { source: steps.location, id: plan.id, row: plan.row, cells: plan.cells.length });
    const changes = plan.cells.map(({ column, before, after }) => ({ column, before, after }));
    return { id: plan.id, row: plan.row, place: steps.place?.(plan), changes, warnings: plan.warnings, unwritten: plan.unwritten };
  }
}

async function write(steps: UpdateSteps, table: RawTable, plan: WritePlan): Promise<void> {
  if (!steps.readRow) return steps.writeCells(plan);
  await steps.writeCells(rebased(plan, await steps.readRow(plan), table.rows[plan.rowIndex].cells));
  await keepEntries(steps, plan);
}

/**
 * The plan against the row as read just now: the same task still on it and the cells it replaces unchanged (else
 * LedgerChangedError), and each appended line put onto the cell's current text, so a note another writer
 * appended in the meantime is kept.
 */
function rebased(plan: WritePlan, now: Cell[], before: Cell[]): WritePlan {
  const moved = cellText(now[plan.idColumn]).trim() !== cellText(before[plan.idColumn]).trim();
  const replaced = plan.cells.some((c) => !c.entry && cellText(now[c.columnIndex]) !== cellText(before[c.columnIndex]));
  if (moved || replaced) throw new LedgerChangedError(`任务 ${plan.id} 所在行在读取后被他人修改`);
  return { ...plan, cells: plan.cells.map((c) => (c.entry ? { ...c, after: neutraliseFormula(appendLine(cellText(now[c.columnIndex]), c.entry)) } : c)) };
}

/** After writing: an appended line a concurrent write replaced is appended again onto what the cell holds now. */
async function keepEntries(steps: UpdateSteps, plan: WritePlan): Promise<void> {
  for (let check = 0; check < MAX_REAPPENDS; check += 1) {
    const now = await steps.readRow!(plan);
    const lost = plan.cells.filter((c) => c.entry && !cellText(now[c.columnIndex]).includes(c.entry));
    if (lost.length === 0) return;
    steps.logger.warn('an appended line was overwritten by a concurrent write; appending it again', { source: steps.location, id: plan.id, columns: lost.map((c) => c.column) });
    const cells = lost.map((c) => ({ ...c, after: neutraliseFormula(appendLine(cellText(now[c.columnIndex]), c.entry!)) }));
    await steps.writeCells({ ...plan, cells });
  }
}
