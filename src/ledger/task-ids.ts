/**
 * Task ids. The 编号 column is how write-back finds a row, so ids must be unique. A row without an id gets
 * "R<row>" (its sheet row): stable while no rows are inserted above it, and reported so the office adds one.
 */
import type { Problem, Task } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import { problem } from './problems.js';

/** Fills in missing ids and reports missing and duplicated ones (tasks are updated in place). */
export function settleIds(tasks: Task[], columns: ColumnMap, problems: Problem[]): void {
  const column = columns.header.id;
  const hasColumn = columns.index.id !== undefined;
  const firstRow = new Map<string, number>();
  for (const task of tasks) {
    if (task.id === '') {
      task.id = `R${task.row}`;
      if (hasColumn) {
        problems.push(problem(task.row, column, 'warning', 'missing_id', `编号为空，暂用“${task.id}”；请填写编号，回写进度按编号找行`));
      }
    }
    const seen = firstRow.get(task.id);
    if (seen === undefined) firstRow.set(task.id, task.row);
    else {
      problems.push(problem(task.row, column, 'error', 'duplicate_id',
        `编号「${task.id}」与第 ${seen} 行重复（第 ${seen} 行和第 ${task.row} 行）；请改成不同的编号`));
    }
  }
}
