/**
 * Monthly progress collection (催报): on collect.day (moved to the previous working day when it is not one), the
 * lead units whose open tasks have no update since the 1st are chased; after that day the digest lists them.
 * Pure: the ledger, a date, the calendar and who has reported in chat in, the units out.
 */
import type { IsoDate, Ledger, WorkCalendar } from '../domain/types.js';
import { addDays, daysInMonth, ymd } from '../calendar/dates.js';
import { indexLedger } from './ledger-index.js';
import { compareText } from './sort.js';

/** A lead unit with open tasks not reported on this month. */
export interface UnreportedUnit {
  unit: string;
  taskIds: string[];
}

/** This month's collection day: `day` (the month's last day when shorter), moved back to a working day. */
export function collectionDay(date: IsoDate, day: number, calendar: WorkCalendar): IsoDate {
  const [y, m] = date.split('-').map(Number);
  let at = ymd(y, m, Math.min(day, daysInMonth(y, m)));
  // Back to the previous working day, but not out of the month (a month always has one).
  while (!calendar.isWorkday(at) && at.slice(8) !== '01') at = addDays(at, -1);
  return at;
}

/**
 * Units whose open lead tasks (not done, not paused; ongoing ones included) have no update this month: no 更新时间
 * on or after the 1st, and no report in chat (`reported`). Units in name order, tasks in ledger order.
 */
export function unreportedUnits(ledger: Ledger, today: IsoDate, reported: (taskId: string, unit: string) => boolean): UnreportedUnit[] {
  const monthStart = `${today.slice(0, 8)}01`;
  const byLead = indexLedger(ledger).byLead;
  return [...byLead.keys()]
    .sort(compareText)
    .map((unit) => ({
      unit,
      taskIds: (byLead.get(unit) ?? [])
        .filter((t) => t.status !== 'done' && t.status !== 'paused' && !(t.updated && t.updated >= monthStart) && !reported(t.id, unit))
        .map((t) => t.id),
    }))
    .filter((u) => u.taskIds.length > 0);
}
