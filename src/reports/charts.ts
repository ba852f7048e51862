/**
 * The two charts of the digest and the reports, as data (renderers draw them: a Feishu card chart, an image in a
 * document): completion by lead unit, and the number of overdue tasks over the last 30 days. Pure.
 */
import { addDays } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';
import { overdueOn, type LedgerSnapshot } from './changes.js';
import { compareText } from './sort.js';

/** One bar (a category and a series) or one point of a line (a date and its value). */
export interface ChartPoint {
  x: string;
  series: string;
  y: number;
}

/** A bar chart (stacked by series) or a line chart, with its title and axis names. */
export interface Chart {
  kind: 'bar' | 'line';
  /** Short, stable id (letters and digits), unique within a document. */
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  points: ChartPoint[];
}

/** A chart shows at most this many units: the ones leading the most tasks (a card and a page stay legible). */
export const CHART_MAX_UNITS = 20;
/** The overdue trend covers this many days back from today. */
export const TREND_DAYS = 30;

/** Done and not done per lead unit, the units leading most tasks first (at most CHART_MAX_UNITS). */
export function completionChart(units: readonly { unit: string; lead: number; done: number }[]): Chart {
  const shown = [...units].sort((a, b) => b.lead - a.lead || compareText(a.unit, b.unit)).slice(0, CHART_MAX_UNITS);
  const more = units.length > shown.length ? `（牵头任务最多的 ${shown.length} 个单位）` : '';
  return {
    kind: 'bar',
    id: 'completion',
    title: `各单位牵头任务完成情况${more}`,
    xLabel: '单位',
    yLabel: '任务数',
    points: shown.flatMap((u) => [
      { x: u.unit, series: '已完成', y: u.done },
      { x: u.unit, series: '未完成', y: u.lead - u.done },
    ]),
  };
}

/** Overdue tasks on each snapshot date of the last TREND_DAYS days, and today; null with fewer than two dates. */
export function overdueTrendChart(snapshots: readonly LedgerSnapshot[], today: IsoDate, overdueToday: number): Chart | null {
  const from = addDays(today, -TREND_DAYS);
  const points = snapshots
    .filter((s) => s.date >= from && s.date < today)
    .map((s) => ({ x: s.date, series: '逾期任务', y: overdueCount(s) }))
    .sort((a, b) => a.x.localeCompare(b.x));
  points.push({ x: today, series: '逾期任务', y: overdueToday });
  if (points.length < 2) return null;
  return { kind: 'line', id: 'overdue', title: `逾期任务数（近 ${TREND_DAYS} 天）`, xLabel: '日期', yLabel: '逾期任务', points };
}

/** Tasks overdue on the snapshot's own date. */
function overdueCount(snapshot: LedgerSnapshot): number {
  let n = 0;
  for (const t of Object.values(snapshot.tasks)) if (overdueOn(t, snapshot.date)) n += 1;
  return n;
}
