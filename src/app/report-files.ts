/**
 * A report as a Word or Excel file, with its charts drawn as pictures when a Chinese font is at hand (shared by
 * `duban report`, `duban report --send` and the scheduled jobs).
 */
import type { PeriodReport } from '../reports/period-report.js';
import { chartImages } from '../render/chart-png.js';
import { reportDocx } from '../render/docx/report-docx.js';
import { reportTitle } from '../render/report-parts.js';
import { reportXlsx } from '../render/xlsx-report.js';
import { findCjkFont } from './cjk-font.js';

export type DocumentFormat = 'docx' | 'xlsx';

export interface ReportFile {
  /** A file name for the report: "督办通报（2026年3月）.docx". */
  name: string;
  data: Buffer;
  /** Said to the user when the charts could not be drawn (no Chinese font): the document shows tables instead. */
  notice: string | null;
}

/** Builds the file; `chartFont` is report.chartFont from the configuration (else a system CJK font is looked for). */
export async function reportFile(report: PeriodReport, format: DocumentFormat, chartFont?: string): Promise<ReportFile> {
  const name = `${reportTitle(report)}.${format}`;
  if (format === 'xlsx') return { name, data: await reportXlsx(report), notice: null };
  const font = findCjkFont(chartFont);
  const images = font && report.charts.length > 0 ? await chartImages(report.charts, font) : {};
  const notice = font || report.charts.length === 0
    ? null
    : `没有找到中文字体，图表以表格形式列出；安装 fonts-noto-cjk（或在配置 report.chartFont 中指定一个中文字体文件）后可嵌入图表。`;
  return { name, data: await reportDocx(report, images), notice };
}
