/**
 * The monthly 督办通报 and the weekly 周调度 as Word documents: title, 文号, period, overview, the charts (as images
 * when they could be drawn, else as tables), the ranking, the 建议督办 items, the warnings, praise and naming,
 * the issuer and the date.
 */
import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import { LIGHT_LABELS } from '../../reports/labels.js';
import type { Chart } from '../../reports/charts.js';
import type { ClassifiedTask } from '../../reports/classify.js';
import type { PeriodReport } from '../../reports/period-report.js';
import { namedText, overviewText, praiseText, rankingRow, RANKING_COLUMNS } from '../report-parts.js';
import { body, centred, chineseDate, heading, note, officialDocx, right, run, table, title, TEXT_WIDTH } from './official.js';

/** A chart drawn as a PNG, with its size in pixels. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
// Relative widths of the ranking's columns: the unit's name and the two-decimal-wide numbers get more room.
const RANKING_WEIGHTS: Partial<Record<(typeof RANKING_COLUMNS)[number]['key'], number>> = { unit: 3.4, score: 1.4, overdueWorkdays: 1.3, ackHours: 1.5 };

/** The report as a .docx file; `images` holds the charts that could be drawn, by chart id. */
export async function reportDocx(report: PeriodReport, images: Readonly<Record<string, ChartImage>> = {}): Promise<Buffer> {
  const sections: { title: string; content: (Paragraph | Table)[] }[] = [];
  sections.push({ title: '总体情况', content: [body(overviewText(report)), ...report.charts.flatMap((c) => chartContent(c, images[c.id]))] });
  if (report.scores && report.scores.units.length > 0) {
    const columns = RANKING_COLUMNS.map((c) => ({ label: c.short, numeric: 'numeric' in c, weight: RANKING_WEIGHTS[c.key] ?? 1 }));
    sections.push({
      title: '考核排名',
      content: [
        table(columns, report.scores.units.map((u) => RANKING_COLUMNS.map((c) => rankingRow(u)[c.key]))),
        note('注：按期＝按原截止日期完成的任务数；逾期日＝逾期工作日合计；漏报＝催报日前未报送进度的任务数；签收时长单位为小时。'),
      ],
    });
  } else if (report.kind === 'weekly' && report.summary.units.length > 0) {
    sections.push({ title: '各单位完成情况', content: [unitTable(report)] });
  }
  sections.push({
    title: '建议督办事项',
    content: report.escalate.length > 0 ? report.escalate.map((v, i) => body(`${i + 1}. ${taskText(v)}`)) : [body('本期没有逾期较久、建议督办的任务。')],
  });
  const escalated = new Set(report.escalate.map((v) => v.task));
  const warned = report.warned.filter((w) => !escalated.has(w.view.task));
  if (warned.length > 0) {
    // The reason already says how long a task is overdue.
    sections.push({ title: '预警情况', content: warned.map((w) => body(`${LIGHT_LABELS[w.view.light]}：${taskText(w.view, false)}：${w.reason}。`)) });
  }
  const praise = praiseText(report);
  const named = namedText(report);
  if (praise || named) sections.push({ title: '表扬与点名', content: [praise, named].filter((t): t is string => t !== null).map((t) => body(t)) });

  const { heading: h } = report;
  const [year, month] = report.period.split('-').map(Number);
  const children: (Paragraph | Table)[] = [
    title(report.kind === 'monthly' ? h.title : '督办周调度'),
    ...(report.kind === 'monthly' ? [centred(h.docNumber), centred(`（${year}年${month}月）`)] : [centred(`（${report.period.replace('~', ' 至 ')}）`)]),
    ...sections.flatMap((s, i) => [heading(`${NUMERALS[i]}、${s.title}`), ...s.content]),
    new Paragraph({ children: [] }),
    right(h.issuer),
    right(chineseDate(h.issued)),
  ];
  return officialDocx({ title: report.kind === 'monthly' ? `${h.title}（${year}年${month}月）` : `督办周调度（${report.asOf}）`, creator: h.issuer }, children);
}

/** "#6 标题（区交通局，截止 2022-05-31，逾期 18 个工作日）"; without the overdue part when `overdue` is false. */
function taskText(v: ClassifiedTask, overdue = true): string {
  const facts = [v.task.lead.join('、'), v.due ? `截止 ${v.due}` : '', overdue && v.overdue ? `逾期 ${v.workdaysOverdue} 个工作日` : ''].filter(Boolean);
  return `#${v.task.id} ${v.task.title}（${facts.join('，')}）`;
}

/** A chart as an image with its title under it, or as a table of its numbers when no image could be drawn. */
function chartContent(chart: Chart, image: ChartImage | undefined): (Paragraph | Table)[] {
  const caption = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(`图：${chart.title}`, { size: 24 })] });
  if (image) {
    // The text area is TEXT_WIDTH twips wide (15 twips a pixel at 96 dpi): scale the picture to fit it.
    const width = Math.min(image.width, Math.floor(TEXT_WIDTH / 15));
    const height = Math.round((image.height * width) / image.width);
    return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height } })] }), caption];
  }
  if (chart.kind === 'line') return [table([{ label: '日期' }, { label: chart.yLabel, numeric: true }], chart.points.map((p) => [p.x, p.y])), caption];
  return [];
}

/** The weekly report's table by unit: lead tasks, done, open, overdue. */
function unitTable(report: PeriodReport): Table {
  const columns = [{ label: '单位', weight: 3 }, { label: '牵头任务', numeric: true }, { label: '已完成', numeric: true }, { label: '逾期', numeric: true }, { label: '即将到期', numeric: true }];
  return table(columns, report.summary.units.map((u) => [u.unit, u.lead, u.done, u.overdue, u.dueSoon]));
}
