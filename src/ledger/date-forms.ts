/**
 * One date expression (no window, no recurrence) to a span of days. The text arrives normalised:
 * half-width, Arabic numerals, lower case, no spaces. A span is a point (a deadline such as "6月底前")
 * or a period (a month, a quarter, a half year, a year: the task runs through it).
 */
import { daysInMonth, isValidYmd, ymd } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';

export type DateExpression =
  | { kind: 'span'; first: IsoDate; last: IsoDate; point: boolean }
  | { kind: 'invalid'; reason: string; needsYear?: boolean }
  | { kind: 'unrecognised' };

// One separator throughout ("2021.1-12" is a window, not 2021-01-12), or 年月日.
const DASHED_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]$/;
// "6.30", "6/30": month and day without a year, as offices type them in a deadline column.
const MONTH_DAY_SHORT = /^(\d{1,2})[./](\d{1,2})$/;
const MONTH = /^(?:(\d{4})(?:年|[-/.](?=\d)))?(\d{1,2})(月份?)?(底|末|上旬|中旬|下旬)?$/;
const QUARTER = /^(?:(\d{4})年?)?(?:第?([1-4])季度?|q([1-4]))(末|底)?$/;
const YEAR_PART = /^(?:(\d{4})年?度?)?(年度?|全年|上半年|下半年|年底|年末|底|末)?$/;
// A deadline word after the date ("前", "之前", "以内") makes a period into a point: its last day.
const DEADLINE_SUFFIX = /(之前|以前|前完成|前|完成|为止|止|以内|内)$/;

const NO_YEAR: DateExpression = { kind: 'invalid', reason: '', needsYear: true };

/** Parses one expression; `year` fills in a missing year (null: a missing year is invalid). */
export function parseDateExpression(text: string, year: number | null): DateExpression {
  const stripped = text.replace(DEADLINE_SUFFIX, '');
  const deadline = stripped !== text;
  let m = DASHED_DATE.exec(stripped);
  if (m) return day(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = CHINESE_DATE.exec(stripped))) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = MONTH_DAY.exec(stripped) ?? MONTH_DAY_SHORT.exec(stripped))) return year === null ? NO_YEAR : day(year, Number(m[1]), Number(m[2]));
  if ((m = MONTH.exec(stripped)) && (m[1] || m[3])) {
    const y = m[1] ? Number(m[1]) : year;
    if (y === null) return NO_YEAR;
    return month(y, Number(m[2]), m[4] ?? '', deadline);
  }
  if ((m = QUARTER.exec(stripped))) {
    const y = m[1] ? Number(m[1]) : year;
    if (y === null) return NO_YEAR;
    const endMonth = Number(m[2] ?? m[3]) * 3;
    return period(ymd(y, endMonth - 2, 1), ymd(y, endMonth, daysInMonth(y, endMonth)), deadline || m[4] !== undefined);
  }
  if (stripped !== '' && (m = YEAR_PART.exec(stripped)) && (m[1] || m[2])) {
    const y = m[1] ? Number(m[1]) : year;
    if (y === null) return NO_YEAR;
    return yearPart(y, m[2] ?? '', deadline);
  }
  return { kind: 'unrecognised' };
}

function day(y: number, mo: number, d: number): DateExpression {
  if (mo < 1 || mo > 12) return { kind: 'invalid', reason: `月份 ${mo} 不存在` };
  if (!isValidYmd(y, mo, d)) return { kind: 'invalid', reason: `${y}年${mo}月没有${d}日` };
  const date = ymd(y, mo, d);
  return { kind: 'span', first: date, last: date, point: true };
}

function month(y: number, mo: number, part: string, deadline: boolean): DateExpression {
  if (mo < 1 || mo > 12) return { kind: 'invalid', reason: `月份 ${mo} 不存在` };
  const end = daysInMonth(y, mo);
  const lastDay = part === '上旬' ? 10 : part === '中旬' ? 20 : end;
  return period(ymd(y, mo, 1), ymd(y, mo, lastDay), deadline || part !== '');
}

function yearPart(y: number, part: string, deadline: boolean): DateExpression {
  if (part === '上半年') return period(ymd(y, 1, 1), ymd(y, 6, 30), deadline);
  if (part === '下半年') return period(ymd(y, 7, 1), ymd(y, 12, 31), deadline);
  const end = part === '年底' || part === '年末' || part === '底' || part === '末';
  return period(ymd(y, 1, 1), ymd(y, 12, 31), deadline || end);
}

function period(first: IsoDate, last: IsoDate, point: boolean): DateExpression {
  return { kind: 'span', first: point ? last : first, last, point };
}
