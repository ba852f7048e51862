/**
 * What a month's scores and notice are computed from: the tasks as they stood on the month's last known day (the
 * ledger for the current month, the month's last snapshot for a past one) and the store's records up to that day.
 */
import type { IsoDate, Ledger, Task } from '../domain/types.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import { monthDays, monthOf } from '../reports/month.js';
import { tasksAt } from '../reports/snapshot-tasks.js';
import type { AckRecord, ReminderRecord, RequestRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface MonthState {
  month: string;
  /** The day the tasks stood as given. */
  asOf: IsoDate;
  /** Where the tasks come from: the ledger (current month) or the snapshot of `asOf`. */
  from: 'ledger' | 'snapshot';
  tasks: Task[];
  /** Snapshots dated on or before asOf, newest first. */
  snapshots: LedgerSnapshot[];
  requests: RequestRecord[];
  acks: AckRecord[];
  reminders: ReminderRecord[];
}

/** Why there is no state for a month, in Chinese: a future month, or a past month without a snapshot. */
export type MonthStateResult = { ok: true; state: MonthState } | { ok: false; message: string };

type StateStore = Pick<Store, 'snapshots' | 'history' | 'requests' | 'acks'>;

/**
 * The month's state. Without a store only the current month can be told (from the ledger, without the loop's
 * records); a past month needs a snapshot dated in it, else it says so rather than inventing numbers.
 */
export async function monthState(store: StateStore | null, ledger: Ledger, month: string, today: IsoDate): Promise<MonthStateResult> {
  const current = monthOf(today);
  if (month > current) return { ok: false, message: `${month} 还没有到，无法统计；当前月份是 ${current}。` };
  const { first, last } = monthDays(month);
  const snapshots = store ? await store.snapshots({ before: month === current ? today : last }) : [];
  let asOf = today;
  let tasks = ledger.tasks;
  if (month < current) {
    const end = snapshots.find((s) => s.date >= first);
    if (!end) {
      return { ok: false, message: `${month} 没有台账快照（duban serve 每个工作日发出日报后保存一份），无法计算该月的考核；只能统计有快照的月份和本月。` };
    }
    asOf = end.date;
    tasks = tasksAt(end, ledger);
  }
  const [requests, acks, reminders] = store ? await Promise.all([store.requests(), store.acks(), store.history()]) : [[], [], []];
  return {
    ok: true,
    state: {
      month, asOf, from: month < current ? 'snapshot' : 'ledger', tasks,
      snapshots: snapshots.filter((s) => s.date <= asOf),
      requests, acks, reminders: reminders.filter((r) => r.date <= asOf),
    },
  };
}
