/**
 * The weekly 周调度 and the monthly 督办通报 as runs of the scheduler (and `duban report --send`): the Word (or
 * Excel) file, stored under the data directory, then a summary card with the charts, both to chats.leaders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutgoingFile } from '../delivery/messenger.js';
import type { BuiltRun } from '../jobs/run-job.js';
import { monthOf, previousMonth } from '../reports/month.js';
import type { PeriodReport } from '../reports/period-report.js';
import { renderDocCard } from '../render/render-card.js';
import { reportDoc } from '../render/report-doc.js';
import { monthlyReport, weeklyReport } from './period-reports.js';
import { reportFile, type DocumentFormat } from './report-files.js';
import { officeMessage, type RunInputs } from './runs.js';

/** Where report files wait to be sent (and stay, as a record of what was sent): `<dataDir>/reports/`. */
export const REPORTS_DIR = 'reports';

export interface ReportRunInputs extends RunInputs {
  dataDir: string;
}

/** Writes a file to be sent under `<dataDir>/reports/` (a rerun after a crash sends these same bytes). */
export function keepForSending(dataDir: string, name: string, data: Buffer): OutgoingFile {
  const dir = join(dataDir, REPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name.replace(/[\\/:*?"<>|#]/g, '_'));
  writeFileSync(path, data);
  return { name, path, type: name.endsWith('.docx') ? 'doc' : name.endsWith('.xlsx') ? 'xls' : 'stream' };
}

/** The report's messages: its file and summary card to chats.leaders (none without that chat). */
export async function reportMessages(inputs: ReportRunInputs, report: PeriodReport, format: DocumentFormat = 'docx'): Promise<BuiltRun> {
  const chat = inputs.config.chats.leaders;
  if (!chat) return { messages: [] };
  const built = await reportFile(report, format, inputs.config.report.chartFont);
  const file = keepForSending(inputs.dataDir, built.name, built.data);
  return { messages: [{ chat, card: renderDocCard(reportDoc(report), { sheetUrl: inputs.sheetUrl }), key: `${report.kind}|${report.period}|${chat}`, file }] };
}

/** The scheduled weekly job: this week's 周调度. */
export async function weeklyRun(inputs: ReportRunInputs): Promise<BuiltRun> {
  return reportMessages(inputs, await weeklyReport(periodInputs(inputs)));
}

/**
 * The scheduled monthly job, on the first working day of a month: the previous month's 督办通报. Without a snapshot
 * of that month the office is told why there is none.
 */
export async function monthlyRun(inputs: ReportRunInputs): Promise<BuiltRun> {
  const month = previousMonth(monthOf(inputs.today));
  const result = await monthlyReport(periodInputs(inputs), month);
  if (result.ok) return reportMessages(inputs, result.report);
  const notice = officeMessage(inputs.config, '月度督办通报未生成', [result.message], `monthly|${month}|notice`);
  return { messages: notice ? [notice] : [] };
}

function periodInputs(inputs: ReportRunInputs) {
  return { ledger: inputs.parsed.ledger, today: inputs.today, calendar: inputs.calendar, options: inputs.options, config: inputs.config, store: inputs.store };
}
