/** The task a request names, found by id in the ledger as read now; a missing or repeated id is said plainly. */
import type { Ledger, Task } from '../domain/types.js';

export type FoundTask = { ok: true; task: Task } | { ok: false; reason: string };

/** The one task with this id ("6", "#6"). */
export function findTask(ledger: Ledger, id: string): FoundTask {
  const wanted = id.trim().replace(/^[#＃]\s*/, '');
  const matches = ledger.tasks.filter((t) => t.id === wanted);
  if (matches.length === 1) return { ok: true, task: matches[0] };
  return {
    ok: false,
    reason: matches.length === 0 ? `没有找到任务 ${wanted}，请核对编号。` : `任务编号 ${wanted} 在台账中出现了 ${matches.length} 次，请先让办公室修正编号。`,
  };
}
