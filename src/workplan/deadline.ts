/**
 * Deadlines in a plan: the plan's year, the deadline a task's text names ("于2024年6月底前完成", "5年内",
 * "2019年1月1日至12月31日"), and a time field or column ("完成时限：2024年9月30日", "持续推进" kept as text).
 */
import { daysInMonth, isValidYmd, ymd } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';
import { arabicDates } from '../ledger/chinese-numerals.js';
import { parseDateExpression } from '../ledger/date-forms.js';
import { parseDateCell } from '../ledger/dates.js';
import { isOngoingText } from '../ledger/recurring.js';
import { foldWidth } from '../ledger/text.js';

/** A task's deadline: the date (when one can be read) and the words it was read from. */
export interface Due {
  due?: IsoDate;
  /** The phrase as written: "6月底前", "持续推进"; absent when the task names no time at all. */
  text?: string;
}

// 〔2018〕, [2018], （2018）: the year of a document number ("国发〔2018〕39号").
const DOC_NUMBER_YEAR = /[〔[（(【](20\d{2}|19\d{2})[〕\]）)】]\s*\d+\s*号/;
const YEAR = /(20\d{2}|19\d{2})\s*(?:年|[-—–~至]\s*(?:20|19)\d{2}\s*年)/;
const SIGNED_DATE = /^(20\d{2}|19\d{2})年\d{1,2}月\d{1,2}日$/;
const HEAD_LINES = 8;

/** The plan's year: its document number's, else its title's, else its signing date's, else the first year it names. */
export function planYear(lines: readonly string[]): number | null {
  const filled = lines.filter((line) => line.trim() !== '');
  const text = (i: number): string => arabicDates(filled[i].trim());
  const head = Math.min(HEAD_LINES, filled.length);
  for (let i = 0; i < head; i++) {
    const m = DOC_NUMBER_YEAR.exec(text(i));
    if (m) return Number(m[1]);
  }
  const title = filled.length > 0 ? YEAR.exec(text(0)) : null;
  if (title) return Number(title[1]);
  for (let i = filled.length - 1; i >= filled.length - head; i--) if (SIGNED_DATE.test(text(i))) return Number(text(i).slice(0, 4));
  for (let i = 0; i < filled.length; i++) {
    if (!filled[i].includes('年')) continue;
    const m = YEAR.exec(text(i));
    if (m) return Number(m[1]);
  }
  return null;
}

const DATE = '(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?';
// "2019年1月1日至12月31日", "2021年1月——12月": a window's end.
const WINDOW = new RegExp(`(\\d{4})年\\d{1,2}月(?:\\d{1,2}[日号])?\\s*(?:至|到|—+|－|-|~|～)\\s*${DATE}`, 'g');
// A date followed by 前 ("6月底前"), or by a word of completion ("6月底完成", "12月取得明显成效").
const POINT = new RegExp(
  `(?<!每(?:年|半年|季度?|月)?|\\d)((?:\\d{4}年)?(?:\\d{1,2}月(?:\\d{1,2}[日号]|底|末|上旬|中旬|下旬|份)?|上半年|下半年|第?[1-4]季度|年内)|(?:\\d{4})?年[底末])` +
    '(?:(之前|以前|前|以内|内)|(?=(?:全面|基本|全部|初步|率先)?(?:完成|建成|实现|取得|到位|投入使用|竣工|达到|上线|办结|落实)))',
  'g',
);
// "到2028年底", "至2027年6月", "截至2025年": a time reached by, with no 前 after it; not the end of a window.
const BY_DATE = new RegExp(
  `(?<![日号月\\d]\\s*)(?:到|至|截至|截止到?)\\s*((?:\\d{4}年)?(?:\\d{1,2}月(?:\\d{1,2}[日号]|底|末|上旬|中旬|下旬|份)?|上半年|下半年|第?[1-4]季度)|\\d{4}年[底末]?)` +
    '(?![起以开])',
  'g',
);
// "全年新增……", "全面完成全年日常检查任务": a target for the plan's year; not "全年工作总结报告", a report's name.
const WHOLE_YEAR = /(?<!每)全年(?!度|[^，,；;。]{0,8}(?:情况|总结|报告))/;
// "5年内": counted from the plan's year; not "毕业5年内", "成立3年内": who qualifies, counted from their own event;
// not "首年关税为零的…、5年内关税减让显著的…": one of a list of descriptions.
const WITHIN_YEARS = /(?<![\d年、和及与的])(?<!毕业|离校|成立|注册|设立|创办|创立|入职|就业|退役|落户|认定|引进|投产)(\d{1,2})年内/g;
// "2016年第三产业增加值增长9%": a target for that year ("2016年度", "2019年1月1日起" are not).
const TARGET_YEAR = /(?<!\d)(\d{4})年(?![度月起以来初份底末前内上下第一二三四\d])/g;
const ONGOING = /(?:持续|长期|常态化)[^，,；;。]{0,6}|长期坚持/;
// "“十四五”期间", "十四五末": a five-year plan's period, ending in its last year.
const FIVE_YEAR_PLAN = /[“"]?十([一二三四五六七])五[”"]?(?:期间|时期|末|期末)/g;
const FIVE_YEAR_PLAN_END: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030, 六: 2035, 七: 2040 };

/** The latest deadline the task's text names, with the words it came from; `year` fills in a missing year. */
export function deadlineInText(text: string, year: number | null): Due {
  const t = arabicDates(foldWidth(text));
  let latest: Due = {};
  const take = (due: IsoDate | null, phrase: string): void => {
    if (due !== null && (latest.due === undefined || due > latest.due)) latest = { due, text: phrase };
  };
  for (const m of t.matchAll(WINDOW)) take(dayOf(m[2] ? Number(m[2]) : Number(m[1]), Number(m[3]), m[4]), m[0]);
  for (const m of [...t.matchAll(POINT), ...t.matchAll(BY_DATE)]) {
    const expr = parseDateExpression(`${m[1].replace('份', '').replace('年内', '年底')}前`, year);
    if (expr.kind === 'span') take(expr.last, m[0]);
  }
  for (const m of t.matchAll(FIVE_YEAR_PLAN)) take(ymd(FIVE_YEAR_PLAN_END[m[1]], 12, 31), m[0]);
  if (year !== null) {
    const whole = WHOLE_YEAR.exec(t);
    if (whole) take(ymd(year, 12, 31), whole[0]);
    for (const m of t.matchAll(WITHIN_YEARS)) if (Number(m[1]) <= 10) take(ymd(year + Number(m[1]) - 1, 12, 31), m[0]);
    for (const m of t.matchAll(TARGET_YEAR)) {
      const y = Number(m[1]);
      if (y >= year && y <= year + 10) take(ymd(y, 12, 31), m[0]);
    }
  }
  return latest;
}

/** A time field or column ("2024年9月30日", "6月底完成", "持续推进"): its date, else a date in its words, else its words. */
export function deadlineInField(text: string, year: number | null): Due & { problem?: string } {
  const field = text.trim();
  if (field === '') return {};
  const parsed = parseDateCell(field, { referenceYear: year });
  if (parsed.kind === 'date') return { due: parsed.due, text: field };
  const inText = deadlineInText(field, year);
  if (inText.due) return { due: inText.due, text: field };
  if (parsed.kind === 'invalid' && !isOngoingText(foldWidth(field)) && !ONGOING.test(field)) return { text: field, problem: parsed.reason };
  return { text: field };
}

function dayOf(y: number, mo: number, d: string | undefined): IsoDate | null {
  if (mo < 1 || mo > 12) return null;
  const day = d ? Number(d) : daysInMonth(y, mo);
  return isValidYmd(y, mo, day) ? ymd(y, mo, day) : null;
}
