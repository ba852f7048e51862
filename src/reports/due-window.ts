/** The days a due question covers, from the intent's period and today. */
import type { Intent, MonthDay } from '../ask/intent.js';
import type { IsoDate } from '../domain/types.js';
import { addDays, daysInMonth, diffDays, monthEnd, weekday, ymd } from '../calendar/dates.js';

const HALF_YEAR = 183;

export interface DueWindow {
  from: IsoDate;
  /** null for "即将到期" without a number: the tasks classified as due soon (within the working-day window). */
  to: IsoDate | null;
  /** How the answer names the window: "本周", "明天", "6月30日前". */
  label: string;
}

type DueIntent = Extract<Intent, { kind: 'due' }>;

/**
 * 'week' = today to this Sunday, 'month' = today to the month's last day, 'days' = today + N calendar days,
 * 'next_week' = next Monday to Sunday, 'next_month' = the next calendar month, 'date' = today to that day (this
 * year's, or next year's when this year's passed over half a year ago); 'days' without a number = due soon (to null).
 */
export function dueWindow(intent: DueIntent, today: IsoDate): DueWindow {
  const sunday = addDays(today, (7 - weekday(today)) % 7);
  switch (intent.period) {
    case 'week':
      return { from: today, to: sunday, label: '本周' };
    case 'month':
      return { from: today, to: monthEnd(today), label: '本月' };
    case 'today':
      return { from: today, to: today, label: '今天' };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1), label: '明天' };
    case 'next_week':
      return { from: addDays(sunday, 1), to: addDays(sunday, 7), label: '下周' };
    case 'next_month': {
      const first = addDays(monthEnd(today), 1);
      return { from: first, to: monthEnd(first), label: '下个月' };
    }
    case 'date':
      return dateWindow(intent.date ?? { month: Number(today.slice(5, 7)), day: null }, today);
    case 'days':
      if (intent.days === null) return { from: today, to: null, label: '即将' };
      return { from: today, to: addDays(today, Math.max(0, intent.days)), label: `${intent.days} 天内` };
  }
}

function dateWindow(date: MonthDay, today: IsoDate): DueWindow {
  const year = Number(today.slice(0, 4));
  const on = (y: number): IsoDate => ymd(y, date.month, Math.min(date.day ?? 31, daysInMonth(y, date.month)));
  // A day passed less than half a year ago is this year's (its tasks are now overdue); an earlier one is next year's.
  const to = on(year) >= today || diffDays(on(year), today) <= HALF_YEAR ? on(year) : on(year + 1);
  if (date.inMonth) {
    const first = `${to.slice(0, 8)}01`;
    return { from: first > today ? first : today, to, label: `${date.month}月` };
  }
  const label = date.day === null ? `${date.month}月底前` : `${date.month}月${date.day}日前`;
  return { from: today, to, label };
}
