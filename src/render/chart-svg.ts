/**
 * A chart as an SVG picture (for documents, where cards' VChart is not available): stacked bars by category, or a
 * line over dates, with axes, a title and a legend. Pure: the chart in, SVG text and its size out.
 */
import type { Chart } from '../reports/charts.js';
import { escapeXml } from './escape.js';

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 1200;
const HEIGHT = 640;
const PLOT = { left: 150, right: 40, top: 110, bottom: 170 };
const COLOURS = ['#3370FF', '#F54A45', '#FF8800', '#34C724', '#7F3BF5'];
/** The font family the PNG renderer is given (any CJK font file; see chart-png.ts). */
export const CHART_FONT = 'Noto Sans CJK SC';

/** Draws the chart as SVG (1200 × 640). */
export function chartSvg(chart: Chart): ChartSvg {
  const series = [...new Set(chart.points.map((p) => p.series))];
  const categories = [...new Set(chart.points.map((p) => p.x))];
  const totals = categories.map((x) => {
    const at = chart.points.filter((p) => p.x === x);
    return chart.kind === 'bar' ? at.reduce((n, p) => n + p.y, 0) : Math.max(0, ...at.map((p) => p.y));
  });
  const top = niceMax(Math.max(1, ...totals));
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#FFFFFF"/>`,
    text(WIDTH / 2, 40, chart.title, { size: 30, anchor: 'middle', weight: 'bold' }),
  ];
  for (let i = 0; i <= 5; i++) {
    const value = (top / 5) * i;
    parts.push(`<line x1="${PLOT.left}" y1="${y(value)}" x2="${WIDTH - PLOT.right}" y2="${y(value)}" stroke="#E5E6EB" stroke-width="1"/>`);
    parts.push(text(PLOT.left - 12, y(value) + 8, formatTick(value), { size: 22, anchor: 'end' }));
  }
  parts.push(text(PLOT.left - 12, PLOT.top - 24, chart.yLabel, { size: 22, anchor: 'end' }));
  // Long category lists show every n-th label so they do not overlap.
  const every = Math.max(1, Math.ceil(categories.length / 20));
  categories.forEach((x, i) => {
    if (i % every !== 0) return;
    const cx = PLOT.left + band * (i + 0.5);
    const label = chart.kind === 'line' ? x.slice(5) : x;
    parts.push(`<text x="${cx}" y="${PLOT.top + plotHeight + 18}" font-size="20" text-anchor="end" transform="rotate(-40 ${cx} ${PLOT.top + plotHeight + 18})" font-family="${CHART_FONT}" fill="#1F2329">${escapeXml(label)}</text>`);
  });
  if (chart.kind === 'bar') {
    categories.forEach((x, i) => {
      let base = 0;
      series.forEach((s, k) => {
        const value = chart.points.find((p) => p.x === x && p.series === s)?.y ?? 0;
        if (value <= 0) return;
        const barWidth = Math.min(60, band * 0.6);
        parts.push(`<rect x="${PLOT.left + band * (i + 0.5) - barWidth / 2}" y="${y(base + value)}" width="${barWidth}" height="${y(base) - y(base + value)}" fill="${COLOURS[k % COLOURS.length]}"/>`);
        base += value;
      });
    });
  } else {
    series.forEach((s, k) => {
      const points = categories.map((x, i) => `${PLOT.left + band * (i + 0.5)},${y(chart.points.find((p) => p.x === x && p.series === s)?.y ?? 0)}`);
      parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="4"/>`);
      for (const point of points) {
        const [cx, cy] = point.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="6" fill="${COLOURS[k % COLOURS.length]}"/>`);
      }
    });
  }
  parts.push(`<line x1="${PLOT.left}" y1="${PLOT.top + plotHeight}" x2="${WIDTH - PLOT.right}" y2="${PLOT.top + plotHeight}" stroke="#1F2329" stroke-width="2"/>`);
  series.forEach((s, k) => {
    const lx = WIDTH - PLOT.right - 180 * (series.length - k);
    parts.push(`<rect x="${lx}" y="${PLOT.top - 50}" width="24" height="24" fill="${COLOURS[k % COLOURS.length]}"/>`);
    parts.push(text(lx + 32, PLOT.top - 30, s, { size: 22 }));
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
  return { svg, width: WIDTH, height: HEIGHT };
}

function text(x: number, y: number, content: string, o: { size: number; anchor?: 'start' | 'middle' | 'end'; weight?: string }): string {
  return `<text x="${x}" y="${y}" font-size="${o.size}" text-anchor="${o.anchor ?? 'start'}"${o.weight ? ` font-weight="${o.weight}"` : ''} font-family="${CHART_FONT}" fill="#1F2329">${escapeXml(content)}</text>`;
}

/** A round axis maximum at or above `n` (1, 2, 5 × 10^k), so ticks are whole numbers for counts. */
function niceMax(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 5, 10].find((m) => m * power >= n) ?? 10;
  return Math.max(5, step * power);
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
