/** `duban import-plan --check`: the imported tasks as a table for review, then what could not be read, before anything is written. */
import type { PlanImport } from '../workplan/types.js';
import { padDisplay, truncateDisplay } from './width.js';

const COLUMNS: { header: string; width: number; cell: (task: PlanImport['tasks'][number], i: number) => string }[] = [
  { header: '序号', width: 4, cell: (_, i) => String(i + 1) },
  { header: '类别', width: 16, cell: (t) => t.category },
  { header: '任务', width: 30, cell: (t) => t.title },
  { header: '责任单位', width: 24, cell: (t) => t.lead.join('、') || '（无）' },
  { header: '协助单位', width: 24, cell: (t) => t.assist.join('、') },
  { header: '截止日期', width: 10, cell: (t) => t.due ?? t.dueText ?? '' },
  { header: '责任领导', width: 10, cell: (t) => t.leader.join('、') },
  { header: '位置', width: 10, cell: (t) => t.place },
];

/** The tasks one per line in fixed-width columns (long cells cut with "…"), then the 未识别 list and the notes. */
export function planReview(plan: PlanImport): string {
  const line = (cells: string[]) => cells.map((text, c) => padDisplay(truncateDisplay(text, COLUMNS[c].width), COLUMNS[c].width)).join('  ').trimEnd();
  const lines = [line(COLUMNS.map((c) => c.header)), ...plan.tasks.map((task, i) => line(COLUMNS.map((c) => c.cell(task, i))))];
  lines.push('', `共 ${plan.tasks.length} 项任务${plan.year ? `（日期按 ${plan.year} 年读取）` : ''}。`);
  if (plan.unrecognized.length > 0) {
    lines.push('', `未识别 ${plan.unrecognized.length} 处，请对照原文核对：`);
    for (const u of plan.unrecognized) lines.push(`  ${u.place}：${u.reason}（${u.text}）`);
  }
  if (plan.problems.length > 0) {
    lines.push('', `需要注意 ${plan.problems.length} 条：`);
    for (const problem of plan.problems) lines.push(`  ${problem}`);
  }
  lines.push('', '核对无误后，用 --out 写入文件（.csv、.xlsx）或在线表格的链接。');
  return lines.join('\n');
}
