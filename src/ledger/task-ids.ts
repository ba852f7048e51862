/**
 * Task ids. The 编号 column is how write-back finds a row, so ids must be unique. A row without an id gets
 * "R<row>" (its sheet row): stable while no rows are inserted above it, and reported so the office adds one.
 * A sub-item under a merged 序号 ("（1）企业开办…" below task 3), or the same task's row for another unit,
 * gets "3.1", "3.2", … instead.
 */
import type { Problem, Task } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import { problem } from './problems.js';

// A numbered sub-item: "（1）", "1.", "①".
const SUB_ITEM = /^\s*(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}[.．、](?!\d)|[①-⑳])/;

/** Fills in missing ids and reports missing and duplicated ones (tasks are updated in place). */
export function settleIds(tasks: Task[], columns: ColumnMap, problems: Problem[]): void {
  const column = columns.header.id;
  const hasColumn = columns.index.id !== undefined;
  const firstRow = new Map<string, number>();
  const given = new Set(tasks.map((task) => task.id).filter((id) => id !== ''));
  let parent: { id: string; title: string; subItems: number } | null = null;
  for (const task of tasks) {
    if (task.id === '') {
      // A numbered sub-item, or the same task's next unit (its 任务 cell merged with the one above).
      const isPart = parent !== null && (SUB_ITEM.test(task.title) || task.title === parent.title);
      const subId = parent && isPart ? `${parent.id}.${++parent.subItems}` : null;
      task.id = subId !== null && !given.has(subId) ? subId : `R${task.row}`;
      if (hasColumn) {
        const why = task.id === subId ? '（合并单元格下的子项）' : '';
        problems.push(problem(task.row, column, 'warning', 'missing_id', `编号为空${why}，暂用“${task.id}”；请填写编号，回写进度按编号找行`));
      }
    } else parent = { id: task.id, title: task.title, subItems: 0 };
    const seen = firstRow.get(task.id);
    if (seen === undefined) firstRow.set(task.id, task.row);
    else {
      problems.push(problem(task.row, column, 'error', 'duplicate_id',
        `编号「${task.id}」与第 ${seen} 行重复（第 ${seen} 行和第 ${task.row} 行）；请改成不同的编号`));
    }
  }
}
