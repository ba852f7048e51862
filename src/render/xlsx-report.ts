/**
 * A weekly or monthly report as an Excel workbook with the same tables as its Word file: the overview, the ranking,
 * the 建议督办 items, the warnings (red and yellow filled), the units, the overdue trend. Headers are bold on grey,
 * cells bordered, numbers as numbers (scores with one decimal), the header row frozen.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../ledger/load-exceljs.js';
import { LIGHT_LABELS } from '../reports/labels.js';
import type { PeriodReport } from '../reports/period-report.js';
import { overviewText, rankingRow, RANKING_COLUMNS, reportTitle } from './report-parts.js';

type Column = { header: string; key: string; width: number; format?: string };

const FILLS = { red: 'FFFFD6D4', yellow: 'FFFFF1C2', header: 'FFE5E6EB' } as const;
const thin = { style: 'thin' as const };

/** The report as an .xlsx file. */
export async function reportXlsx(report: PeriodReport): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const workbook = new Excel.Workbook();
  workbook.creator = report.heading.issuer;
  workbook.title = reportTitle(report);

  const overview = workbook.addWorksheet('总体情况');
  overview.columns = [{ width: 16 }, { width: 90 }];
  const s = report.summary;
  const facts: [string, string | number][] = [
    ['标题', reportTitle(report)],
    ...(report.kind === 'monthly' ? ([['文号', report.heading.docNumber]] as [string, string][]) : []),
    ['发文单位', report.heading.issuer],
    ['日期', report.heading.issued],
    ['统计截至', report.asOf],
    ['任务总数', s.total],
    ['已完成', s.done],
    ['完成率（%）', s.completionRate],
    ['逾期', s.overdue.length],
    ['建议督办', report.escalate.length],
    ...(['red', 'yellow', 'blue', 'green'] as const).map((l): [string, number] => [LIGHT_LABELS[l], s.lights[l]]),
    ['概述', overviewText(report)],
  ];
  for (const [label, value] of facts) {
    const row = overview.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  if (report.scores) {
    sheet(workbook, '考核排名', RANKING_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.key === 'unit' ? 24 : 12, format: c.key === 'score' || c.key === 'ackHours' ? '0.0' : undefined })),
      report.scores.units.map((u) => ({ ...rankingRow(u), ackHours: u.ackHours })));
  }
  sheet(workbook, '建议督办', [
    { header: '编号', key: 'id', width: 8 }, { header: '任务', key: 'title', width: 50 }, { header: '责任单位', key: 'lead', width: 24 },
    { header: '截止日期', key: 'due', width: 12 }, { header: '逾期工作日', key: 'overdue', width: 12 },
  ], report.escalate.map((v) => ({ id: v.task.id, title: v.task.title, lead: v.task.lead.join('、'), due: v.due ?? '', overdue: v.workdaysOverdue })));
  const warnings = sheet(workbook, '预警', [
    { header: '预警', key: 'level', width: 8 }, { header: '编号', key: 'id', width: 8 }, { header: '任务', key: 'title', width: 50 },
    { header: '责任单位', key: 'lead', width: 24 }, { header: '原因', key: 'reason', width: 30 },
  ], report.warned.map((w) => ({ level: LIGHT_LABELS[w.view.light], id: w.view.task.id, title: w.view.task.title, lead: w.view.task.lead.join('、'), reason: w.reason })));
  report.warned.forEach((w, i) => {
    const fill = w.view.light === 'red' ? FILLS.red : FILLS.yellow;
    warnings.getRow(i + 2).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  sheet(workbook, '各单位', [
    { header: '单位', key: 'unit', width: 24 }, { header: '牵头任务', key: 'lead', width: 10 }, { header: '已完成', key: 'done', width: 10 },
    { header: '进行中', key: 'inProgress', width: 10 }, { header: '逾期', key: 'overdue', width: 10 }, { header: '即将到期', key: 'dueSoon', width: 10 },
  ], s.units.map((u) => ({ ...u })));
  const trend = report.charts.find((c) => c.kind === 'line');
  if (trend) {
    sheet(workbook, '逾期趋势', [{ header: '日期', key: 'date', width: 14 }, { header: trend.yLabel, key: 'n', width: 12 }], trend.points.map((p) => ({ date: p.x, n: p.y })));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table sheet: bold header on grey, frozen; every cell bordered; number formats per column. */
function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS.header } };
  });
  ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: thin, bottom: thin, left: thin, right: thin })));
  return ws;
}
