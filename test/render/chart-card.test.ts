import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/dates.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { snapshotLedger } from '../../src/reports/changes.js';
import { CHART_MAX_UNITS } from '../../src/reports/charts.js';
import { buildDigest } from '../../src/reports/digest.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { renderDigestCard } from '../../src/render/digest.js';
import { cardBytes, countElements, DEFAULT_CARD_LIMITS } from '../../src/render/fit-card.js';
import { cardProblem } from '../support/feishu/card-schema.js';
import { makeLedger, makeTask } from '../support/make-task.js';
import { sampleLedger, TODAY } from '../reports/sample-ledger.js';

type Element = Record<string, any>;
const charts = (card: Record<string, unknown>) => ((card.body as { elements: Element[] }).elements).filter((e) => e.tag === 'chart');

/** A city-sized ledger: 60 units with long names, 600 tasks with long titles, a third of them overdue. */
function bigLedger() {
  const tasks = Array.from({ length: 600 }, (_, i) =>
    makeTask({
      id: String(i + 1),
      title: `第${i + 1}项：加强退役军人服务保障体系建设，完善双拥工作长效机制，推动军民融合深度发展的重点任务`,
      lead: [`重庆市潼南区第${(i % 60) + 1}个牵头责任单位办公室`],
      due: addDays(TODAY, (i % 3) - 2 === 0 ? -10 : 20 + (i % 30)),
      status: i % 5 === 0 ? 'done' : 'in_progress',
    }),
  );
  return makeLedger(tasks);
}

describe('the digest card carries the charts', () => {
  it('as Feishu chart elements with a VChart spec a card accepts', () => {
    const ledger = sampleLedger();
    const history = [snapshotLedger(ledger, '2026-03-02'), snapshotLedger(ledger, '2026-02-25')];
    const card = renderDigestCard(buildDigest(ledger, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS, null, history));
    expect(cardProblem(card)).toBeNull();
    const [completion, trend] = charts(card);
    expect(completion).toMatchObject({ tag: 'chart', element_id: 'chart_completion', aspect_ratio: '16:9', color_theme: 'brand', height: 'auto' });
    expect(completion.chart_spec).toMatchObject({ type: 'bar', xField: 'x', yField: 'y', seriesField: 'series', stack: true });
    // The units leading most tasks first (交通局 4, then 城管局 3 and 双江镇 3 by name, 林业局 2): done and not done each.
    expect(completion.chart_spec.data.values.slice(0, 4)).toEqual([
      { x: '区交通局', series: '已完成', y: 1 },
      { x: '区交通局', series: '未完成', y: 3 },
      { x: '区城管局', series: '已完成', y: 0 },
      { x: '区城管局', series: '未完成', y: 3 },
    ]);
    // Overdue on each snapshot's own date, then today: 02-25 #1; 03-02 #1; 03-04 #1, #2, #6.
    expect(trend.chart_spec.type).toBe('line');
    expect(trend.chart_spec.data.values).toEqual([
      { x: '2026-02-25', series: '逾期任务', y: 1 },
      { x: '2026-03-02', series: '逾期任务', y: 1 },
      { x: '2026-03-04', series: '逾期任务', y: 3 },
    ]);
  });

  it('has no trend without an earlier snapshot', () => {
    const card = renderDigestCard(buildDigest(sampleLedger(), TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS));
    expect(charts(card).map((c) => c.chart_spec.type)).toEqual(['bar']);
  });

  it('stays within the card limits on a city-sized ledger with 30 days of snapshots', () => {
    const ledger = bigLedger();
    const history = Array.from({ length: 30 }, (_, i) => snapshotLedger(ledger, addDays(TODAY, -(i + 1))));
    const card = renderDigestCard(buildDigest(ledger, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS, null, history));
    expect(cardProblem(card)).toBeNull();
    expect(cardBytes(card)).toBeLessThanOrEqual(DEFAULT_CARD_LIMITS.maxBytes);
    expect(countElements(card)).toBeLessThanOrEqual(DEFAULT_CARD_LIMITS.maxElements);
    const [completion, trend] = charts(card);
    expect(completion.chart_spec.data.values).toHaveLength(CHART_MAX_UNITS * 2);
    expect(completion.chart_spec.title.text).toBe(`各单位牵头任务完成情况（牵头任务最多的 ${CHART_MAX_UNITS} 个单位）`);
    expect(trend.chart_spec.data.values).toHaveLength(31);
  });
});
