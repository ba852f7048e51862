/** Which reminded tasks a unit has not acknowledged (签收) in time, from the reminder log and the acknowledgements in the store. */
import type { IsoDate, WorkCalendar } from '../domain/types.js';
import type { Store } from '../store/store.js';

/**
 * A test for the reminder plan: true when the unit was first reminded of the task `within` working days before
 * today or earlier and has not acknowledged it. `within` 0 turns the escalation off.
 */
export async function ackOverdue(
  store: Pick<Store, 'firstReminders' | 'acks'>,
  today: IsoDate,
  calendar: WorkCalendar,
  within: number,
): Promise<(taskId: string, unit: string) => boolean> {
  if (within <= 0) return () => false;
  const key = (taskId: string, unit: string) => `${taskId}\n${unit}`;
  const acknowledged = new Set((await store.acks()).map((a) => key(a.taskId, a.unit)));
  const first = new Map((await store.firstReminders()).map((r) => [key(r.taskId, r.unit), r.date]));
  return (taskId, unit) => {
    const since = first.get(key(taskId, unit));
    return since !== undefined && !acknowledged.has(key(taskId, unit)) && calendar.workdaysBetween(since, today) >= within;
  };
}
