/**
 * The new deadline of an extension request, written any way the ledger accepts ("2022-07-31", "7月31日", "7月底").
 * A date without a year takes the year the ledger's date reading would give it: the task's own start, else its
 * current deadline, else the year most of the ledger's deadlines are in, else this year.
 */
import type { IsoDate, Task } from '../domain/types.js';
import { parseDateCell } from '../ledger/dates.js';

export type NewDue = { ok: true; date: IsoDate } | { ok: false; reason: string };

/** The year most deadlines of the ledger fall in, or null. */
function ledgerYear(tasks: readonly Task[]): number | null {
  const counts = new Map<number, number>();
  for (const t of tasks) if (t.due) counts.set(Number(t.due.slice(0, 4)), (counts.get(Number(t.due.slice(0, 4))) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)!) best = year;
  return best;
}

/** Reads the requested date for `task`; it must be a single day (or a period's last day) after the current deadline. */
export function readNewDue(text: string, task: Task, tasks: readonly Task[], today: IsoDate): NewDue {
  const year = Number((task.start ?? task.due)?.slice(0, 4) ?? NaN) || ledgerYear(tasks) || Number(today.slice(0, 4));
  const parsed = parseDateCell(text, { referenceYear: year });
  if (parsed.kind !== 'date') {
    const why = parsed.kind === 'invalid' ? parsed.reason : `「${text}」不是一个具体日期`;
    return { ok: false, reason: `${why}；请写明新的截止日期，如 2022-07-31 或 7月31日。` };
  }
  if (task.due && parsed.due <= task.due) return { ok: false, reason: `新的截止日期 ${parsed.due} 不晚于现在的截止日期 ${task.due}，无需延期。` };
  return { ok: true, date: parsed.due };
}
