/** The daily digest as a document, for every renderer. */
import type { Digest } from '../reports/digest.js';
import type { ClassifiedTask } from '../reports/classify.js';
import type { ChangeItem } from '../reports/digest-changes.js';
import { toAnswerTask } from '../reports/answer-task.js';
import { bold, toned, type Block, type Doc } from './doc.js';
import { problemCountLine } from './problems-doc.js';
import { shortTitle, taskLine } from './task-line.js';

const CHANGE_HEADINGS: Record<ChangeItem['kind'], string> = {
  done: '新完成',
  overdue: '新逾期',
  status: '状态变化',
  progress: '进度变化',
  stale: '长期未更新',
};

const lines = (views: readonly ClassifiedTask[]) => views.map((v) => taskLine(toAnswerTask(v), { lead: true }));

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
