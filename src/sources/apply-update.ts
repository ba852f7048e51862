/**
 * The write-back sequence every backend shares: read the ledger as it is now, find the row by id, plan the cells in
 * the ledger's own words and forms, write only those. Nothing written is lost to a concurrent writer: a local file is
 * locked across processes and never replaced when it changed since it was read; an online sheet's row is re-read
 * right before the write (appends go onto what is there then) and its appended lines are checked afterwards.
 */
import { createKeyedQueue } from '../feishu/keyed-queue.js';
import type { Cell, LedgerField, RawTable } from '../domain/types.js';
import { cellText } from '../ledger/text.js';
import type { Logger } from '../log/logger.js';
import { LedgerChangedError } from './ledger-changed.js';
import type { ColumnRules, TaskUpdate, WriteOutcome } from './source.js';
import { locateTask } from './task-row.js';
import { planWriteBack, readUpdate, type PlannedCell, type WritePlan } from './write-back.js';
import { WriteBackError } from './write-back-error.js';
import { appendLine, neutraliseFormula } from './write-text.js';

export interface UpdateSteps {
  location: string;
  logger: Logger;
  /** Reads the ledger as it is now (never a cached copy); a backend that can filter may return only the id's rows. */
  readLedger(id: string): Promise<RawTable>;
  /**
   * What the columns of the task's row can take (field types, select options, dropdown lists); all text when absent.
   * `choosing` names the fields whose word the update chooses (状态, 预警), for a backend that must count their words.
   */
  rulesFor?(table: RawTable, rowIndex: number, choosing: LedgerField[]): Promise<ColumnRules>;
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
const MAX_REAPPENDS = 8;

/** A short random pause, longer each round, so writers that collided do not collide again in step. */
function jitter(round: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 30 * round));
}

// One write at a time per ledger in this process, whichever source object (chat, a job, a command) makes it.
const perLedger = createKeyedQueue();

/**
 * Returns an `updateTask` that runs one update at a time per ledger in this process (and, with `exclusive`, across
 * processes), so two updates of the same task cannot both append to the note they read before the other wrote.
 */
export function createUpdater(steps: UpdateSteps): (id: string, update: TaskUpdate) => Promise<WriteOutcome> {
  const exclusive = steps.exclusive ?? (<T>(work: () => Promise<T>) => work());
  return (id, update) => perLedger(steps.location, () => exclusive(() => applyUpdate(steps, id, update)));
}

async function applyUpdate(steps: UpdateSteps, id: string, update: TaskUpdate): Promise<WriteOutcome> {
  readUpdate(update);
  for (let attempt = 1; ; attempt += 1) {
    const table = await steps.readLedger(id.trim());
    const choosing = (['status', 'warning'] as const).filter((field) => update[field] !== undefined);
    const rules = steps.rulesFor ? await steps.rulesFor(table, locateTask(table, id).rowIndex, choosing) : undefined;
    const plan = planWriteBack(table, id, update, rules);
    try {
      if (plan.cells.length > 0) await write(steps, table, plan);
    } catch (error) {
      if (!(error instanceof LedgerChangedError)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new WriteBackError(`${error.message}，已重新读取 ${MAX_ATTEMPTS} 次仍在变化，本次更新未写入；请关闭正在编辑台账的程序或稍后重试。`, { cause: error });
      }
      steps.logger.info('ledger changed since it was read; reading it again', { source: steps.location, id: plan.id, attempt });
      await jitter(attempt);
      continue;
    }
    steps.logger.info('ledger task updated', { source: steps.location, id: plan.id, row: plan.row, cells: plan.cells.length });
    const changes = plan.cells.map(({ column, before, after }) => ({ column, before, after }));
    return { id: plan.id, row: plan.row, place: steps.place?.(plan), changes, warnings: plan.warnings, unwritten: plan.unwritten };
  }
}

async function write(steps: UpdateSteps, table: RawTable, plan: WritePlan): Promise<void> {
  if (!steps.readRow) return steps.writeCells(plan);
  const started = Date.now();
  await steps.writeCells(rebased(plan, await steps.readRow(plan), table.rows[plan.rowIndex].cells));
  // Another process's write planned from a read older than ours can still land after it: look again once that long has passed.
  await keepEntries(steps, plan, Math.max(50, 2 * (Date.now() - started)));
}

/**
 * The plan against the row as read just now: the same task still on it and the cells it replaces unchanged or
 * already as planned (else LedgerChangedError: plan again, e.g. 延期次数 counts from the new value), and each appended
 * line put onto the cell's current text, so a note another writer appended in the meantime is kept. 更新时间 is
 * simply set: a concurrent update of it is no conflict.
 */
function rebased(plan: WritePlan, now: Cell[], before: Cell[]): WritePlan {
  const moved = cellText(now[plan.idColumn]).trim() !== cellText(before[plan.idColumn]).trim();
  const changed = (c: PlannedCell) => ![cellText(before[c.columnIndex]), c.after].includes(cellText(now[c.columnIndex]));
  const replaced = plan.cells.some((c) => !c.entry && c.field !== 'updated' && changed(c));
  if (moved || replaced) throw new LedgerChangedError(`任务 ${plan.id} 所在行在读取后被他人修改`);
  return { ...plan, cells: plan.cells.map((c) => (c.entry ? { ...c, after: neutraliseFormula(appendLine(cellText(now[c.columnIndex]), c.entry)) } : c)) };
}

/**
 * After writing: an appended line a concurrent write replaced is appended again onto what the cell holds now; once it
 * is there, it is checked again after `settleMs`, the time within which a write planned before ours may still land.
 */
async function keepEntries(steps: UpdateSteps, plan: WritePlan, settleMs: number): Promise<void> {
  let settled = false;
  for (let check = 0; ; check += 1) {
    const now = await steps.readRow!(plan);
    const lost = plan.cells.filter((c) => c.entry && !cellText(now[c.columnIndex]).includes(c.entry));
    if (lost.length === 0) {
      if (settled || !plan.cells.some((c) => c.entry)) return;
      settled = true;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      continue;
    }
    settled = false;
    const columns = lost.map((c) => `“${c.column}”`).join('、');
    if (check >= MAX_REAPPENDS) {
      throw new WriteBackError(`任务 ${plan.id} 的${columns}在写入后一再被其他程序同时改写，追加了 ${MAX_REAPPENDS} 次仍未保留；请稍后重试，并核对该行内容。`);
    }
    steps.logger.warn('an appended line was overwritten by a concurrent write; appending it again', { source: steps.location, id: plan.id, columns: lost.map((c) => c.column) });
    await jitter(check + 1);
    const again = await steps.readRow!(plan);
    const cells = lost.map((c) => ({ ...c, after: neutraliseFormula(appendLine(cellText(again[c.columnIndex]), c.entry!)) }));
    await steps.writeCells({ ...plan, cells });
  }
}
