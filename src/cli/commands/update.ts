/** `duban update ID [--status S] [--progress P] [--note TEXT] [--by NAME]`: write a progress update back to the ledger. */
import { isIsoDate, todayIn } from '../../calendar/dates.js';
import { openLedger } from '../../app/bundled-example.js';
import { UsageError, type CliArgs } from '../args.js';
import { ledgerLocation, loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const [id] = args.positionals;
  if (!id) throw new UsageError('请给出任务编号，例如：duban update 6 --progress 80% --note "已完成主体施工" --by 张三');
  if (args.status === undefined && args.progress === undefined && args.note === undefined) {
    throw new UsageError('请至少给出 --status、--progress 或 --note 之一。');
  }
  if (args.today !== undefined && !isIsoDate(args.today)) throw new UsageError(`--today 需要 YYYY-MM-DD 格式的日期，收到 "${args.today}"。`);
  const runtime = loadRuntime(args, io);
  const { sheet, units } = ledgerLocation(args, io, runtime);
  const source = openLedger(sheet, { units, logger: runtime.logger, env: runtime.loaded.sourceEnv });
  const outcome = await source.updateTask(id, {
    status: args.status,
    progress: args.progress,
    note: args.note,
    by: args.by,
    // --today records an update made on another day (a report handed in late); default: today.
    date: args.today ?? todayIn(runtime.loaded.config.timezone, io.now()),
  });
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify(outcome, null, 2));
  } else {
    // A cell can hold several lines (the note is appended as a new line): indent them under their column.
    const cell = (text: string) => text.replace(/\n/g, '\n    ');
    const lines = outcome.changes.map((c) => `  ${c.column}：${cell(c.before) || '（空）'} → ${cell(c.after)}`);
    const warnings = (outcome.warnings ?? []).map((w) => `提示：${w}`);
    println(io.stdout, [`已更新任务 ${outcome.id}（${outcome.place ?? `第 ${outcome.row} 行`}）：`, ...lines, ...warnings].join('\n'));
  }
  return 0;
}
