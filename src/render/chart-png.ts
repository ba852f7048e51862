/**
 * Charts as PNG pictures for Word documents, drawn from their SVG by resvg (a prebuilt binary from the npm
 * registry). Chinese labels need a CJK font file; without one no picture is drawn and documents show tables.
 */
import type { Chart } from '../reports/charts.js';
import type { ChartImage } from './docx/report-docx.js';
import { CHART_FONT, chartSvg } from './chart-svg.js';

/** Draws each chart with the font in `fontFile`; charts that fail to draw are left out (their tables stand in). */
export async function chartImages(charts: readonly Chart[], fontFile: string): Promise<Record<string, ChartImage>> {
  const { Resvg } = await import('@resvg/resvg-js');
  const images: Record<string, ChartImage> = {};
  for (const chart of charts) {
    const { svg, width, height } = chartSvg(chart);
    const png = new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CHART_FONT } }).render().asPng();
    images[chart.id] = { png, width, height };
  }
  return images;
}
