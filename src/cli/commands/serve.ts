/**
 * `duban serve` (`npm start`). With Feishu configured: the long-running service. Without: local mode on the
 * configured (or bundled example) ledger — today's digest and reminders printed, then questions answered from the
 * terminal or a pipe until end of input.
 */
import { planReminders } from '../../app/reminder-plan.js';
import { buildDigest } from '../../reports/digest.js';
import { renderDigestText } from '../../render/digest.js';
import { renderReminderText } from '../../render/reminders.js';
import { UsageError, type CliArgs } from '../args.js';
import { ledgerLocation, loadLedgerContext, loadRuntime } from '../context.js';
import { converse } from '../conversation.js';
import { println, type CliIO } from '../io.js';
import { notice, useColor } from '../output.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const runtime = loadRuntime(args, io);
  if (runtime.loaded.mode === 'feishu') {
    const { startService } = await import('../../service/service.js');
    const { sheet, units } = ledgerLocation(args, io, runtime);
    await startService({ ...runtime, sheet, units, env: runtime.loaded.sourceEnv });
    // The service runs until SIGTERM; its shutdown handler exits the process.
    return new Promise<number>(() => {});
  }
  // Local mode talks about one ledger on the terminal.
  const names = runtime.loaded.ledgers.map((l) => l.name);
  if (runtime.loaded.ledger === null) throw new UsageError(`本地模式一次只看一个台账：请用 --ledger 指定（配置的台账：${names.join('、')}），例如 duban serve --ledger ${names[0]}。`);
  const ctx = await loadLedgerContext(args, io, runtime);
  const color = useColor(io);
  println(io.stdout, '本地模式：未配置飞书（FEISHU_APP_ID / FEISHU_APP_SECRET），消息输出到终端。');
  notice(io, ctx.dateNote);
  for (const text of ctx.notices) notice(io, text);
  println(io.stdout, `\n【今日简报 → 领导群】\n${renderDigestText(buildDigest(ctx.ledger, ctx.today, ctx.calendar, ctx.options), { color })}`);
  println(io.stdout, `\n【今日提醒 → 工作群】\n${renderReminderText(planReminders({ ...ctx, config: ctx.loaded.config }), { color })}`);
  await converse(io, ctx);
  return 0;
}
