/** A chart as a Feishu card `chart` element: a VChart spec with inline data only (cards allow no functions). */
import type { Chart } from '../reports/charts.js';

/**
 * The card element of a chart: 16:9, the brand colours, a title, a legend for stacked series. Bars stack by series
 * (已完成 / 未完成); a line has one series. `media: []` keeps the card's own layout on every client.
 */
export function chartElement(chart: Chart): Record<string, unknown> {
  const values = chart.points.map((p) => ({ x: p.x, series: p.series, y: p.y }));
  const multiSeries = new Set(values.map((v) => v.series)).size > 1;
  const spec: Record<string, unknown> = {
    type: chart.kind,
    title: { visible: true, text: chart.title },
    data: { values },
    xField: 'x',
    yField: 'y',
    seriesField: 'series',
    legends: { visible: multiSeries, orient: 'bottom' },
    axes: [
      { orient: 'bottom', type: 'band', title: { visible: false, text: chart.xLabel } },
      { orient: 'left', type: 'linear', title: { visible: true, text: chart.yLabel } },
    ],
    media: [],
  };
  if (chart.kind === 'bar') spec.stack = true;
  if (chart.kind === 'line') spec.point = { visible: true };
  return { tag: 'chart', element_id: `chart_${chart.id}`.slice(0, 20), aspect_ratio: '16:9', color_theme: 'brand', height: 'auto', chart_spec: spec };
}
