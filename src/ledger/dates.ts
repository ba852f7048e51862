/** Deadline and start cells: dates, month ends, windows, serial numbers, "长期坚持", "每季度末". */
import { fromSerial, isIsoDate, isValidYmd, ymd } from '../calendar/dates.js';
import type { Cell, IsoDate } from '../domain/types.js';
import { arabicDates } from './chinese-numerals.js';
import { parseDateExpression, type DateExpression } from './date-forms.js';
import { isOngoingText, isRecurringText } from './recurring.js';
import { foldWidth } from './text.js';

export type DateParse =
  | { kind: 'date'; start: IsoDate | null; due: IsoDate }
  | { kind: 'ongoing' }
  | { kind: 'recurring'; text: string }
  | { kind: 'empty' }
  /** `needsYear`: readable but without a year, and no reference year was given. */
  | { kind: 'invalid'; reason: string; needsYear?: boolean };

export interface DateContext {
  /** Fills in a missing year ("6月30日前"); null: such dates are invalid with a reason saying to add the year. */
  referenceYear: number | null;
}

// Words offices put in a date cell to mean "no date".
const EMPTY_WORDS = new Set(['', '/', '-', '—', '——', '无', '暂无']);
const TIME_OF_DAY = /[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$/;
const SPACES = /\s+/g;
const STRONG_RANGE = /——|—|–|--|~|至|到/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const BARE_MONTH = /^\d{1,2}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a date cell. Points ("6月底前") have start null; periods and windows ("2021年1月——12月") have a start. */
export function parseDateCell(cell: Cell, ctx: DateContext): DateParse {
  if (typeof cell === 'number') return serial(cell, 20_000, 80_000, String(cell));
  if (typeof cell === 'boolean') return invalidText(String(cell));
  const original = (cell ?? '').trim();
  // The common case first: an ISO date as the template asks for.
  if (ISO_DAY.test(original) && isIsoDate(original)) return { kind: 'date', start: null, due: original };
  const folded = foldWidth(original).toLowerCase().trim();
  if (EMPTY_WORDS.has(folded)) return { kind: 'empty' };
  if (isOngoingText(folded)) return { kind: 'ongoing' };
  if (isRecurringText(folded)) return { kind: 'recurring', text: original };
  const text = arabicDates(folded.replace(TIME_OF_DAY, '').replace(SPACES, ''));
  if (SERIAL_TEXT.test(text)) return serial(Number(text), 40_000, 60_000, original);
  const compact = COMPACT_DATE.exec(text);
  if (compact) return compactDate(compact, original);
  const single = parseDateExpression(text, ctx.referenceYear);
  if (single.kind !== 'unrecognised') return fromExpression(single, original);
  return parseWindow(text, ctx.referenceYear, original);
}

function parseWindow(text: string, year: number | null, original: string): DateParse {
  const parts = STRONG_RANGE.test(text) ? text.split(STRONG_RANGE) : text.split('-');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return invalidText(original);
  const from = parseDateExpression(parts[0], year);
  if (from.kind !== 'span') return fromExpression(from, original);
  const fromYear = Number(from.first.slice(0, 4));
  // "2022年1月——6月", "2021.1-12": the end inherits the start's year, and a bare number is a month.
  const endText = BARE_MONTH.test(parts[1]) ? `${parts[1]}月` : parts[1];
  const to = parseDateExpression(endText, fromYear);
  if (to.kind !== 'span') return fromExpression(to, original);
  const start = from.point ? from.last : from.first;
  if (to.last < start) return { kind: 'invalid', reason: `「${original}」的结束时间早于开始时间` };
  return { kind: 'date', start, due: to.last };
}

function fromExpression(expr: DateExpression, original: string): DateParse {
  if (expr.kind === 'span') return { kind: 'date', start: expr.point ? null : expr.first, due: expr.last };
  if (expr.kind === 'unrecognised') return invalidText(original);
  if (expr.needsYear) {
    return { kind: 'invalid', reason: `「${original}」没有写年份，请补上年份（如 2022年6月30日）`, needsYear: true };
  }
  return { kind: 'invalid', reason: `「${original}」不是有效日期：${expr.reason}` };
}

function serial(value: number, min: number, max: number, original: string): DateParse {
  if (!(value >= min && value <= max)) return { kind: 'invalid', reason: `数字「${original}」不是日期` };
  return { kind: 'date', start: null, due: fromSerial(value) };
}

function compactDate(m: RegExpExecArray, original: string): DateParse {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d)) return { kind: 'invalid', reason: `「${original}」不是有效日期` };
  return { kind: 'date', start: null, due: ymd(y, mo, d) };
}

function invalidText(original: string): DateParse {
  return { kind: 'invalid', reason: `无法识别日期「${original}」，请写成 2022-06-30、2022年6月底前、每季度末 或 长期坚持` };
}
