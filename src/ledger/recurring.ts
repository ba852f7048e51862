/** Recurring deadlines ("每季度末", "每月25日前", "每周五") and ongoing work ("长期坚持"). */
import { daysInMonth, weekday, ymd, addDays } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';
import { arabicDates } from './chinese-numerals.js';
import { foldWidth } from './text.js';

const RECURRING = /^(每|逐月|按月|按季|monthly|weekly|quarterly|yearly|annually|every)/;
const ONGOING = /^(长期|常态|持续|常年|ongoing)/;

/** True for a recurring deadline text (already folded to half-width, lower case). */
export function isRecurringText(folded: string): boolean {
  return RECURRING.test(folded);
}

/** True for "长期坚持", "常态化", "持续推进", "ongoing" (folded text). */
export function isOngoingText(folded: string): boolean {
  return ONGOING.test(folded);
}

const WEEKLY = /^每(?:周|星期)([1-7])/;
const MONTHLY_DAY = /^每(?:个)?月(\d{1,2})[日号]/;
const MONTHLY = /^(?:每(?:个)?月|逐月|按月|monthly)/;
const QUARTERLY = /^(?:每(?:个)?季|按季|quarterly)/;
const HALF_YEARLY = /^每半年/;
const YEARLY_DAY = /^每年(\d{1,2})月(\d{1,2})[日号]/;
const YEARLY_MONTH = /^每年(\d{1,2})月/;
const YEARLY = /^(?:每年|yearly|annually)/;

/** The next occurrence of a recurring deadline on or after `today`, or null when the text gives none. */
export function nextRecurringDue(text: string, today: IsoDate): IsoDate | null {
  const t = arabicDates(foldWidth(text).toLowerCase().replace(/\s+/g, ''));
  const [y, m, d] = today.split('-').map(Number);
  let match: RegExpExecArray | null;
  if ((match = WEEKLY.exec(t))) return addDays(today, (Number(match[1]) % 7 - weekday(today) + 7) % 7);
  if ((match = MONTHLY_DAY.exec(t))) return nextMonthlyDay(y, m, d, Number(match[1]));
  if (MONTHLY.test(t)) return ymd(y, m, daysInMonth(y, m));
  if (QUARTERLY.test(t)) return ymd(y, Math.ceil(m / 3) * 3, daysInMonth(y, Math.ceil(m / 3) * 3));
  if (HALF_YEARLY.test(t)) return m <= 6 ? ymd(y, 6, 30) : ymd(y, 12, 31);
  if ((match = YEARLY_DAY.exec(t))) return nextYearlyDay(today, Number(match[1]), Number(match[2]));
  if ((match = YEARLY_MONTH.exec(t))) return nextYearlyDay(today, Number(match[1]), 31);
  if (YEARLY.test(t)) return ymd(y, 12, 31);
  return null;
}

// A day past the month's length means its last day ("每月31日" in June is 06-30).
function clampedDay(y: number, m: number, day: number): IsoDate {
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}

function nextMonthlyDay(y: number, m: number, d: number, day: number): IsoDate | null {
  if (day < 1 || day > 31) return null;
  if (Math.min(day, daysInMonth(y, m)) >= d) return clampedDay(y, m, day);
  return m === 12 ? clampedDay(y + 1, 1, day) : clampedDay(y, m + 1, day);
}

function nextYearlyDay(today: IsoDate, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const y = Number(today.slice(0, 4));
  const thisYear = clampedDay(y, month, day);
  return thisYear >= today ? thisYear : clampedDay(y + 1, month, day);
}
