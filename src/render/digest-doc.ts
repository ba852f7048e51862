/** The daily digest as a document, for every renderer. */
import type { Digest } from '../reports/digest.js';
import type { ClassifiedTask } from '../reports/classify.js';
import type { ChangeItem } from '../reports/digest-changes.js';
import { toAnswerTask } from '../reports/answer-task.js';
import type { TrafficLight } from '../domain/types.js';
import { completionChart, type Chart } from '../reports/charts.js';
import { LIGHT_LABELS } from '../reports/labels.js';
import { bold, toned, type Block, type Doc, type Inline, type Tone } from './doc.js';
import { problemCountLine } from './problems-doc.js';
import { shortTitle, taskLine } from './task-line.js';

const CHANGE_HEADINGS: Record<ChangeItem['kind'], string> = {
  done: '新完成',
  overdue: '新逾期',
  status: '状态变化',
  progress: '进度变化',
  stale: '长期未更新',
};

const lines = (views: readonly ClassifiedTask[]) => views.map((v) => taskLine(toAnswerTask(v), { lead: true, warning: true }));

/** The 红黄蓝绿 board: "预警：红灯 2 · 黄灯 3 · 蓝灯 1 · 绿灯 9", each count in its colour when not zero. */
export function warningBoard(lights: Record<TrafficLight, number>): Inline[] {
  // Blue has no tone of its own in cards and terminals: it stays plain.
  const tones: Partial<Record<TrafficLight, Tone>> = { red: 'red', yellow: 'orange', green: 'green' };
  const parts: Inline[] = ['预警：'];
  (['red', 'yellow', 'blue', 'green'] as const).forEach((light, i) => {
    if (i > 0) parts.push(' · ');
    const text = `${LIGHT_LABELS[light]} ${lights[light]}`;
    const tone = tones[light];
    parts.push(lights[light] > 0 && tone ? toned(text, tone) : text);
  });
  return parts;
}

/** The completion chart (the unit table below shows its numbers) and the overdue trend (its numbers as a line of text). */
function digestCharts(d: Digest): Block[] {
  const blocks: Block[] = [];
  if (d.units.length > 0) blocks.push({ kind: 'chart', chart: completionChart(d.units) });
  if (d.trend) blocks.push({ kind: 'chart', chart: d.trend, fallback: trendLine(d.trend) });
  return blocks;
}

/** A trend as one line: "逾期任务数（近 30 天）：06-20 3 · 06-21 4". */
export function trendLine(chart: Chart): Block {
  return { kind: 'paragraph', parts: [`${chart.title}：${chart.points.map((p) => `${p.x.slice(5)} ${p.y}`).join(' · ')}`] };
}

/** The digest as a document: totals, 建议督办, overdue, due soon, behind, changes, unit and category tables, sheet problems. */
export function digestDoc(d: Digest): Doc {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      parts: [
        `共 ${d.total} 项：已完成 ${d.done}，进行中 ${d.inProgress}，未开始 ${d.notStarted}，暂缓 ${d.paused}；完成率 `,
        bold(`${d.completionRate}%`),
      ],
    },
    {
      kind: 'paragraph',
      parts: [
        toned(`逾期 ${d.overdue.length}`, d.overdue.length > 0 ? 'red' : 'grey'),
        ' · ',
        toned(`即将到期 ${d.dueSoon.length}`, d.dueSoon.length > 0 ? 'orange' : 'grey'),
        ` · 进度滞后 ${d.behind.length} · 建议督办 ${d.escalate.length}`,
      ],
    },
    { kind: 'paragraph', parts: warningBoard(d.lights) },
  ];
  const section = (heading: string, tone: 'red' | 'orange' | undefined, views: readonly ClassifiedTask[]) => {
    if (views.length > 0) blocks.push({ kind: 'heading', text: `${heading}（${views.length}）`, tone }, { kind: 'list', items: lines(views) });
  };
  section('建议督办', 'red', d.escalate);
  // Leaders read each task once: the overdue list leaves out those already under 建议督办.
  const escalated = new Set(d.escalate.map((v) => v.task));
  section(d.escalate.length > 0 ? '其他逾期' : '逾期', 'red', d.overdue.filter((v) => !escalated.has(v.task)));
  section('即将到期', 'orange', d.dueSoon);
  section('进度滞后', undefined, d.behind);
  if (d.notReported && d.notReported.length > 0) {
    blocks.push(
      { kind: 'heading', text: `本月未报送进展（${d.notReported.length} 个单位）`, tone: 'orange' },
      { kind: 'list', items: d.notReported.map((u) => [bold(u.unit), `：${u.taskIds.map((id) => `#${id}`).join('、')}`]) },
    );
  }
  if (d.changes && d.changes.items.length > 0) {
    blocks.push(
      { kind: 'heading', text: `较 ${d.changes.since} 的变化` },
      { kind: 'list', items: d.changes.items.map((c) => [bold(`#${c.id}`), ' ', shortTitle(c.title), ` · ${CHANGE_HEADINGS[c.kind]}：${c.detail}`]) },
    );
  }
  blocks.push(...digestCharts(d));
  if (d.units.length > 0) {
    blocks.push({ kind: 'heading', text: '各单位（牵头任务）' }, {
      kind: 'table',
      columns: [
        { key: 'unit', label: '单位' },
        { key: 'lead', label: '牵头', numeric: true },
        { key: 'done', label: '已完成', numeric: true },
        { key: 'inProgress', label: '进行中', numeric: true },
        { key: 'overdue', label: '逾期', numeric: true },
      ],
      rows: d.units.map((u) => ({ unit: u.unit, lead: u.lead, done: u.done, inProgress: u.inProgress, overdue: u.overdue })),
    });
  }
  if (d.categories.length > 1) {
    blocks.push({ kind: 'heading', text: '各类别' }, {
      kind: 'table',
      columns: [
        { key: 'category', label: '类别' },
        { key: 'total', label: '任务', numeric: true },
        { key: 'done', label: '已完成', numeric: true },
        { key: 'overdue', label: '逾期', numeric: true },
      ],
      rows: d.categories.map((c) => ({ ...c })),
    });
  }
  if (d.problems.items.length > 0) blocks.push({ kind: 'paragraph', parts: [problemCountLine(d.problems.errors, d.problems.warnings)] });
  return {
    title: `督办日报 · ${d.date}`,
    severity: d.overdue.length > 0 || d.escalate.length > 0 ? 'red' : d.dueSoon.length > 0 ? 'orange' : 'green',
    summary: `完成 ${d.done}/${d.total}，逾期 ${d.overdue.length}，即将到期 ${d.dueSoon.length}`,
    blocks,
  };
}
