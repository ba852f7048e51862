/** `duban update ID [--status S] [--progress P] [--note TEXT] [--by NAME]`: write a progress update back to the ledger. */
import { todayIn } from '../../calendar/dates.js';
import { openLedger } from '../../app/bundled-example.js';
import { readLedger } from '../../app/read-ledger.js';
import { updateWarnings } from '../../app/update-warnings.js';
import type { IsoDate } from '../../domain/types.js';
import { parseProgress } from '../../ledger/progress.js';
import { parseStatus } from '../../ledger/status.js';
import { storeLedgerLock } from '../../sources/locked-writes.js';
import type { LedgerSource } from '../../sources/source.js';
import { openStore } from '../../store/open-store.js';
import { UsageError, type CliArgs } from '../args.js';
import { ledgerLocation, loadRuntime } from '../context.js';
import { dateOption } from '../date-option.js';
import { println, type CliIO } from '../io.js';

/** Refuses what the ledger could not take: a progress outside 0–100% or unreadable, a status word duban does not know. */
function checkValues(args: CliArgs): void {
  if (args.progress !== undefined) {
    const progress = parseProgress(args.progress);
    if (progress.reason === 'out_of_range') throw new UsageError(`--progress 只能在 0% 到 100% 之间，收到 "${args.progress}"。`);
    if (progress.value === null) throw new UsageError(`--progress 无法识别 "${args.progress}"：请写百分数，例如 80%、80 或 0.8。`);
  }
  if (args.status !== undefined && parseStatus(args.status.trim()) === null) {
    throw new UsageError(`--status 无法识别 "${args.status}"：请写 未开始、进行中、已完成、暂缓 或 已延期。`);
  }
}

/** The task as the ledger has it before the update (to warn about what looks wrong); null when not found by this id. */
async function taskBefore(source: LedgerSource, id: string, today: IsoDate) {
  const { ledger } = await readLedger(source, today);
  const wanted = id.trim().replace(/^[#＃]\s*/, '');
  return ledger.tasks.find((task) => task.id === wanted) ?? null;
}

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const [id] = args.positionals;
  if (!id) throw new UsageError('请给出任务编号，例如：duban update 6 --progress 80% --note "已完成主体施工" --by 张三');
  if (args.status === undefined && args.progress === undefined && args.note === undefined) {
    throw new UsageError('请至少给出 --status、--progress 或 --note 之一。');
  }
  checkValues(args);
  const runtime = loadRuntime(args, io);
  // --today records an update made on another day (a report handed in late); default: today.
  const date = args.today === undefined ? todayIn(runtime.loaded.config.timezone, io.now()) : dateOption('--today', args.today);
  const { sheet, units } = ledgerLocation(args, io, runtime);
  // With a shared database (replicas of `duban serve`), the write waits for the ledger's lock there too.
  const store = runtime.loaded.config.store ? await openStore(runtime.loaded.dataDir, runtime.loaded.config.store, { logger: runtime.logger }) : null;
  const source = openLedger(sheet, { units, logger: runtime.logger, env: runtime.loaded.sourceEnv, ...(store ? { ledgerLock: storeLedgerLock(store) } : {}) });
  const update = { status: args.status, progress: args.progress, note: args.note, by: args.by, date };
  const written = async () => ({ before: await taskBefore(source, id, date), outcome: await source.updateTask(id, update) });
  const { before, outcome } = await written().finally(() => store?.close());
  const warnings = [...(outcome.warnings ?? []), ...(before ? updateWarnings(before, update) : [])];
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify({ ...outcome, ...(warnings.length > 0 ? { warnings } : {}) }, null, 2));
  } else {
    // A cell can hold several lines (the note is appended as a new line): indent them under their column.
    const cell = (text: string) => text.replace(/\n/g, '\n    ');
    const lines = outcome.changes.map((c) => `  ${c.column}：${cell(c.before) || '（空）'} → ${cell(c.after)}`);
    println(io.stdout, [`已更新任务 ${outcome.id}（${outcome.place ?? `第 ${outcome.row} 行`}）：`, ...lines].join('\n'));
  }
  for (const warning of warnings) println(io.stderr, `提示：${warning}`);
  return 0;
}
