/** `duban report weekly|monthly`: the 周调度 or the monthly 督办通报 as text, markdown, JSON, a card, Word or Excel; `--send` posts it. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monthlyReport, weeklyReport, type PeriodInputs } from '../../app/period-reports.js';
import { reportFile } from '../../app/report-files.js';
import { monthOf } from '../../reports/month.js';
import type { PeriodReport } from '../../reports/period-report.js';
import { reportToJson } from '../../reports/report-json.js';
import { renderDocCard } from '../../render/render-card.js';
import { renderDocMarkdown } from '../../render/render-markdown.js';
import { renderDocText } from '../../render/render-text.js';
import { reportDoc } from '../../render/report-doc.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadLedgerContext } from '../context.js';
import { println, type CliIO } from '../io.js';
import { emit, notice, useColor } from '../output.js';
import { withStoreIfAny } from '../stored.js';

const KINDS = ['weekly', 'monthly'] as const;

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const kind = args.positionals[0] as (typeof KINDS)[number] | undefined;
  if (!kind || !KINDS.includes(kind)) throw new UsageError('用法：duban report weekly|monthly [--month YYYY-MM] [--format text|markdown|json|docx|xlsx] [--out 文件] [--send]');
  if (kind === 'weekly' && args.month) throw new UsageError('--month 只用于 duban report monthly；周调度按 --today 所在的一周统计。');
  const ctx = await loadLedgerContext(args, io);
  notice(io, ctx.dateNote);
  const built = await withStoreIfAny(ctx.loaded, async (store) => {
    const inputs: PeriodInputs = { ledger: ctx.ledger, today: ctx.today, calendar: ctx.calendar, options: ctx.options, config: ctx.loaded.config, store };
    if (kind === 'weekly') return { ok: true as const, report: await weeklyReport(inputs), from: 'ledger' as const };
    const monthly = await monthlyReport(inputs, args.month ?? monthOf(ctx.today));
    return monthly.ok ? { ok: true as const, report: monthly.report, from: monthly.state.from } : monthly;
  });
  if (!built.ok) {
    println(io.stderr, built.message);
    return 1;
  }
  if (args.send) return (await import('../send-report.js')).sendReport(io, ctx, built.report, args.format === 'xlsx' ? 'xlsx' : 'docx');
  if (args.format === 'docx' || args.format === 'xlsx') return writeDocument(io, args, built.report, args.format, ctx.loaded.config.report.chartFont);
  const doc = reportDoc(built.report);
  emit(io, args.format, {
    text: () => renderDocText(doc, { color: useColor(io) }),
    markdown: () => renderDocMarkdown(doc),
    card: () => renderDocCard(doc),
    json: () => reportToJson(built.report, built.from),
  });
  return 0;
}

/** Writes the Word or Excel file to --out (default: the report's title in the current directory). */
async function writeDocument(io: CliIO, args: CliArgs, report: PeriodReport, format: 'docx' | 'xlsx', chartFont: string | undefined): Promise<number> {
  const file = await reportFile(report, format, chartFont);
  const out = resolve(io.cwd, args.out ?? file.name);
  writeFileSync(out, file.data);
  if (file.notice) println(io.stderr, file.notice);
  println(io.stdout, `已生成 ${out}（${Math.ceil(file.data.length / 1024)} KB）`);
  return 0;
}
