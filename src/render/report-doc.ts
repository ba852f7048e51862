/** A weekly or monthly report as a document (text, markdown, the summary card): the same content as its Word file. */
import { toAnswerTask } from '../reports/answer-task.js';
import type { PeriodReport } from '../reports/period-report.js';
import { warningBoard, trendLine } from './digest-doc.js';
import { bold, type Block, type Doc } from './doc.js';
import { namedText, overviewText, praiseText, rankingRow, RANKING_COLUMNS, reportTitle } from './report-parts.js';
import { shortTitle, taskLine } from './task-line.js';

/** The report as a document: heading line, overview, warning board, charts, ranking, 建议督办, warnings, praise and naming. */
export function reportDoc(report: PeriodReport): Doc {
  const { heading, summary } = report;
  const blocks: Block[] = [];
  if (report.kind === 'monthly') blocks.push({ kind: 'paragraph', parts: [`${heading.issuer} · ${heading.docNumber} · ${heading.issued}`] });
  blocks.push({ kind: 'paragraph', parts: [overviewText(report)] }, { kind: 'paragraph', parts: warningBoard(summary.lights) });
  for (const chart of report.charts) blocks.push({ kind: 'chart', chart, fallback: chart.kind === 'line' ? trendLine(chart) : undefined });
  if (report.scores && report.scores.units.length > 0) {
    blocks.push({ kind: 'heading', text: '考核排名' }, {
      kind: 'table',
      columns: RANKING_COLUMNS.map((c) => ({ ...c })),
      rows: report.scores.units.map(rankingRow),
    });
  }
  if (report.escalate.length > 0) {
    blocks.push({ kind: 'heading', text: `建议督办（${report.escalate.length}）`, tone: 'red' }, {
      kind: 'list',
      items: report.escalate.map((v) => taskLine(toAnswerTask(v), { lead: true, warning: true })),
    });
  }
  const escalated = new Set(report.escalate.map((v) => v.task));
  const warned = report.warned.filter((w) => !escalated.has(w.view.task));
  if (warned.length > 0) {
    blocks.push({ kind: 'heading', text: `红灯、黄灯任务（${warned.length}）`, tone: 'orange' }, {
      kind: 'list',
      items: warned.map((w) => taskLine(toAnswerTask(w.view), { lead: true, warning: true })),
    });
  }
  const changed = (report.changes?.items ?? []).filter((c) => c.kind === 'done' || c.kind === 'overdue');
  if (report.changes && changed.length > 0) {
    const done = changed.filter((c) => c.kind === 'done');
    const overdue = changed.filter((c) => c.kind === 'overdue');
    blocks.push({ kind: 'heading', text: `本周变化（较 ${report.changes.since}）` }, {
      kind: 'list',
      items: [...done.map((c) => [bold(`#${c.id}`), ' ', shortTitle(c.title), ' · 新完成']), ...overdue.map((c) => [bold(`#${c.id}`), ' ', shortTitle(c.title), ' · 新逾期'])],
    });
  }
  for (const text of [praiseText(report), namedText(report)]) if (text) blocks.push({ kind: 'paragraph', parts: [text] });
  return {
    title: reportTitle(report),
    severity: report.escalate.length > 0 ? 'red' : summary.overdue.length > 0 ? 'orange' : 'green',
    summary: `完成 ${summary.done}/${summary.total}，逾期 ${summary.overdue.length}，建议督办 ${report.escalate.length}`,
    blocks,
  };
}
