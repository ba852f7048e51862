/** `duban report … --send`: the report's file and summary card to chats.leaders, once per report and day. */
import { reportMessages } from '../app/report-runs.js';
import type { DocumentFormat } from '../app/report-files.js';
import type { PeriodReport } from '../reports/period-report.js';
import type { LedgerContext } from './context.js';
import { println, type CliIO } from './io.js';
import { NoFeishuError } from './no-feishu-error.js';
import { deliver, NO_LEADERS_CHAT } from './send.js';

/** Sends the report through Feishu (exit 4 when it failed, or without Feishu). */
export async function sendReport(io: CliIO, ctx: LedgerContext, report: PeriodReport, format: DocumentFormat): Promise<number> {
  if (ctx.loaded.mode === 'local') throw new NoFeishuError();
  if (!ctx.loaded.config.chats.leaders) {
    println(io.stderr, NO_LEADERS_CHAT);
    return 3;
  }
  // One run per report (its kind and period) and day: a second --send the same day sends nothing again.
  const job = `report:${report.kind}:${report.period}`;
  const label = report.kind === 'monthly' ? '月度通报' : '周调度';
  return deliver(io, ctx, [{ job, label, build: (inputs) => reportMessages({ ...inputs, dataDir: ctx.loaded.dataDir }, report, format) }]);
}
