import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from '../../src/app/cjk-font.js';
import { reportFile } from '../../src/app/report-files.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { snapshotLedger } from '../../src/reports/changes.js';
import { classifyTasks } from '../../src/reports/classify.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { buildPeriodReport, docNumber, type PeriodReport } from '../../src/reports/period-report.js';
import { scoreUnits } from '../../src/reports/scores.js';
import { reportDocx } from '../../src/render/docx/report-docx.js';
import { reportXlsx } from '../../src/render/xlsx-report.js';
import { eastAsianFonts, openDocx, paragraphs } from '../support/office-xml.js';
import { sampleLedger, TODAY } from '../reports/sample-ledger.js';

const WEIGHTS = { onTime: 40, overdue: 30, extensions: 10, reports: 10, ack: 10 };

function monthlyReport(): PeriodReport {
  const ledger = sampleLedger();
  const views = classifyTasks(ledger.tasks, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS);
  const scores = scoreUnits({
    month: '2026-03', asOf: TODAY, views, snapshots: [], requests: [], acks: [], reminders: [], calendar: weekendCalendar, collectDay: 25,
    weights: WEIGHTS, timezone: 'Asia/Shanghai',
  });
  return buildPeriodReport({
    kind: 'monthly',
    period: '2026-03',
    asOf: TODAY,
    heading: { title: '督办通报', issuer: '区政府督查室', docNumber: docNumber('督通〔{year}〕{n}号', '2026-03'), issued: TODAY },
    views,
    snapshots: [snapshotLedger(ledger, '2026-02-25'), snapshotLedger(ledger, '2026-03-02')],
    scores,
  });
}

describe('the monthly 督办通报 as a Word document', () => {
  it('holds the title, 文号, overview, ranking and 建议督办 items in 仿宋_GB2312 and 黑体 on A4', async () => {
    const report = monthlyReport();
    const docx = await openDocx(await reportDocx(report));
    const xml = await docx.xml('word/document.xml');
    const text = paragraphs(xml);
    expect(text.slice(0, 4)).toEqual(['督办通报', '督通〔2026〕3号', '（2026年3月）', '一、总体情况']);
    expect(text[4]).toBe(
      '截至 2026-03-04，台账共有任务 11 项，已完成 1 项，完成率 9.1%；进行中 7 项，未开始 2 项，暂缓 1 项。逾期未完成 3 项，其中逾期较久、建议督办 1 项。' +
        '预警：红灯 1 项，黄灯 3 项，蓝灯 3 项。本月考核得分最高的是双江镇（100 分），最低的是区林业局（58.5 分）。',
    );
    // The ranking table: a header row, then one row per unit in rank order (each cell one paragraph).
    const header = ['名次', '单位', '得分', '牵头', '完成', '按期', '逾期', '逾期日', '延期', '漏报', '签收时长'];
    const at = text.indexOf('二、考核排名');
    expect(text.slice(at + 1, at + 1 + header.length)).toEqual(header);
    // By hand (docs/scoring.md): 交通局 13.3 + 26.6 + 10 + 10 + 10 (1 of 3 due tasks done on time, 9 overdue working days
    // over 4 tasks); 城管局 0 + 29.5 + 30; 林业局 0 + 28.5 + 30; 双江镇 nothing due yet, nothing overdue: 100.
    const units = report.scores!.units;
    expect(units.map((u) => [u.rank, u.unit, u.score])).toEqual([[1, '双江镇', 100], [2, '区交通局', 69.9], [3, '区城管局', 59.5], [4, '区林业局', 58.5]]);
    expect(text.slice(at + 1 + header.length, at + 1 + header.length + 3)).toEqual(['1', '双江镇', '100']);
    expect(text).toContain('注：按期＝按原截止日期完成的任务数；逾期日＝逾期工作日合计；漏报＝催报日前未报送进度的任务数；签收时长单位为小时。');
    expect(text).toContain('三、建议督办事项');
    expect(text).toContain('1. #1 道路巡检（区交通局，截止 2026-02-20，逾期 8 个工作日）');
    expect(text.slice(text.indexOf('四、预警情况') + 1, text.indexOf('五、表扬与点名'))).toEqual([
      '黄灯：#6 植树造林（区林业局，截止 2026-03-02）：逾期 2 个工作日。',
      '黄灯：#2 联合执法（区交通局、区城管局，截止 2026-03-03）：逾期 1 个工作日。',
      '黄灯：#10 拥军优属走访（双江镇，截止 2026-04-30）：落后序时进度 30 个百分点。',
    ]);
    expect(text).toContain('点名：区交通局（#1）有任务逾期较久，请抓紧办理。');
    expect(text.slice(-2)).toEqual(['区政府督查室', '2026年3月4日']);
    expect(eastAsianFonts(xml).sort()).toEqual(['仿宋_GB2312', '黑体']);
    expect(eastAsianFonts(await docx.xml('word/styles.xml'))).toContain('仿宋_GB2312');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Page numbers "— N —" at the foot.
    expect(await docx.xml('word/footer1.xml')).toMatch(/PAGE/);
  });

  // Drawing with a 20 MB CJK font takes seconds on a busy machine.
  it('draws the charts as pictures when a Chinese font is at hand, else lists the trend as a table', { timeout: 60_000 }, async () => {
    const report = monthlyReport();
    expect(report.charts.map((c) => c.id)).toEqual(['completion', 'overdue']);
    // .ci/run installs fonts-noto-cjk; a machine without any CJK font gets tables (checked below).
    expect(findCjkFont()).not.toBeNull();
    const drawn = await openDocx((await reportFile(report, 'docx')).data);
    expect(drawn.names.filter((n) => n.startsWith('word/media/')).length).toBe(2);
    expect(paragraphs(await drawn.xml('word/document.xml'))).toContain('图：逾期任务数（近 30 天）');

    const plain = await reportFile(report, 'docx', '/nonexistent/font.ttc');
    expect(plain.notice).toMatch(/没有找到中文字体/);
    const doc = await openDocx(plain.data);
    expect(doc.names.some((n) => n.startsWith('word/media/'))).toBe(false);
    const text = paragraphs(await doc.xml('word/document.xml'));
    const at = text.indexOf('日期');
    expect(text.slice(at, at + 8)).toEqual(['日期', '逾期任务', '2026-02-25', '1', '2026-03-02', '1', '2026-03-04', '3']);
  });
});

describe('the report as an Excel workbook', () => {
  it('holds the same tables with formats', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(monthlyReport())) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['总体情况', '考核排名', '建议督办', '预警', '各单位', '逾期趋势']);
    const ranking = workbook.getWorksheet('考核排名')!;
    expect(ranking.getRow(1).values).toEqual([undefined, '名次', '单位', '得分', '牵头任务', '已完成', '按期完成', '逾期', '逾期工作日', '延期', '未按时报送', '签收用时（小时）']);
    expect(ranking.getRow(2).values).toEqual([undefined, 1, '双江镇', 100, 3, 0, 0, 0, 0, 0, 0]);
    expect(ranking.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ranking.getColumn(3).numFmt).toBe('0.0');
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const warnings = workbook.getWorksheet('预警')!;
    expect(warnings.getRow(2).values).toEqual([undefined, '红灯', '1', '道路巡检', '区交通局', '逾期 8 个工作日']);
    expect(warnings.getRow(2).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFFFD6D4' } });
    expect(workbook.getWorksheet('建议督办')!.getRow(2).values).toEqual([undefined, '1', '道路巡检', '区交通局', '2026-02-20', 8]);
    expect(workbook.getWorksheet('总体情况')!.getRow(2).values).toEqual([undefined, '文号', '督通〔2026〕3号']);
  });
});
