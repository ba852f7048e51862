/** What to point out about a progress update before it is believed: progress going backwards, or 已完成 below 100%. */
import type { Task } from '../domain/types.js';
import { parseProgress } from '../ledger/progress.js';
import { parseStatus } from '../ledger/status.js';
import type { TaskUpdate } from '../sources/source.js';

/** Chinese notes about an update to `before` (the task as the ledger has it now); [] when nothing looks wrong. */
export function updateWarnings(before: Pick<Task, 'progress'>, update: Pick<TaskUpdate, 'status' | 'progress'>): string[] {
  const warnings: string[] = [];
  const next = update.progress === undefined ? null : parseProgress(update.progress).value;
  if (next !== null && before.progress !== null && next < before.progress) {
    warnings.push(`进度从 ${before.progress}% 降到了 ${next}%：如果不是笔误，请在进展说明中写明原因`);
  }
  const progress = next ?? before.progress;
  const done = update.status !== undefined && parseStatus(update.status.trim())?.state === 'done';
  if (done && progress !== null && progress < 100) {
    warnings.push(`状态是已完成，但进度只有 ${progress}%：请把进度改为 100%（--progress 100%），或核对状态`);
  }
  return warnings;
}
