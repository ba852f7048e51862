/**
 * Time expressions of a question → windows of deadlines: 今天, 明天, 本周, 下周, 本月, 下个月, N天内, N个工作日内 (by the
 * work calendar), M月底前, M月D日, 三月底, 9.30, 2025-09-30, 今年/去年, 上半年, 第三季度, 国庆前 (from the holiday
 * schedule), and their English forms. Every pattern is a regex without nested repetition: linear in the text.
 */
import { addDays, daysInMonth, diffDays, isValidYmd, monthEnd, weekday, ymd } from '../../calendar/dates.js';
import { nextHoliday, type HolidayName } from '../../calendar/holidays.js';
import type { IsoDate, WorkCalendar } from '../../domain/types.js';
import { parseCount } from '../numbers.js';
import type { Span, TimeWindow } from './piece.js';

export interface TimeContext {
  today: IsoDate;
  calendar: WorkCalendar;
}

const FAR_FUTURE = '9999-12-31';
const HALF_YEAR = 183;
/** A count in digits or Chinese numerals; its run starts where digits or numerals start (linear scans). */
const N = '(?<![\\d零一二两三四五六七八九十百])(\\d{1,4}|[零一二两三四五六七八九十]{1,3})';
const NUM = (text: string | undefined): number | null => (text === undefined ? null : parseCount(text));

/** After a date: 前/之前 (up to it), 后/之后 (from it), 到期/截止 (on it). */
const AFTER = '(之前|以前|前|为止|之后|以后|后|起)?';
/** Before a date: 截至/截止到/到 (up to it), 从 (from it). */
const BEFORE = '(截止到|截至到|截至|截止|到|直到|在|从|于)?';

type Mode = 'before' | 'after' | 'on' | 'in';

function modeOf(before: string | undefined, after: string | undefined, fallback: Mode): Mode {
  if (after === '前' || after === '之前' || after === '以前' || after === '为止') return 'before';
  if (after === '后' || after === '之后' || after === '以后' || after === '起' || before === '从') return 'after';
  if (before && before !== '在' && before !== '于') return 'before';
  return fallback;
}

/** The window of a span of days [first, last] under a mode: up to its end, from its start, or the span itself. */
function shape(first: IsoDate, last: IsoDate, mode: Mode, today: IsoDate, label: string): TimeWindow {
  if (mode === 'before') return { from: today, to: last, label: `${label}前` };
  if (mode === 'after') return { from: first, to: FAR_FUTURE, label: `${label}以后` };
  return { from: first, to: last, label };
}

/** The year of a month/day written without one: this year's, unless it ended over half a year ago (then next year's). */
function yearOf(month: number, day: number | null, today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  const last = ymd(year, month, day ?? daysInMonth(year, month));
  return diffDays(last, today) > HALF_YEAR ? year + 1 : year;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_EN = `(${MONTHS_EN.map((m) => `${m}|${m.slice(0, 3)}`).join('|')}|sept)\\.?`;
const monthNumber = (name: string): number => MONTHS_EN.findIndex((m) => m.startsWith(name.slice(0, 3))) + 1;

const HOLIDAYS: readonly [HolidayName | null, RegExp][] = [
  ['国庆节', /^(?:国庆节?|十一|national day|golden week|the national day|october holiday)/],
  ['中秋', /^(?:中秋节?|mid-autumn|mid autumn|moon festival)/],
  ['春节', /^(?:春节|过年|大年|spring festival|chinese new year|lunar new year)/],
  ['元旦', /^(?:元旦|new year|new years|new years day)/],
  ['清明', /^(?:清明节?|qingming|tomb sweeping|tomb-sweeping)/],
  ['劳动节', /^(?:劳动节|五一|labou?r day|may day)/],
  ['端午', /^(?:端午节?|dragon boat)/],
  [null, /^(?:节|the holiday|holidays|the holidays|holiday)/],
];
const HOLIDAY_WORDS =
  '(国庆节?|十一|中秋节?|春节|过年|大年|元旦|清明节?|劳动节|五一|端午节?|节)(?:假期|放假|长假|小长假|假)?(前|之前|以前|后|之后|以后)';
const HOLIDAY_EN =
  '(before|by|until|ahead of|after)\\s+(?:the\\s+)?(national day|golden week|mid-autumn|mid autumn|moon festival|spring festival|chinese new year|lunar new year|new years day|new years|new year|qingming|tomb sweeping|tomb-sweeping|labou?r day|may day|dragon boat|holidays|holiday)(?:\\s+(?:holiday|holidays|festival|break))?';

interface TimeRule {
  pattern: RegExp;
  window(m: RegExpExecArray, ctx: TimeContext): TimeWindow | null;
}

function day(year: number, month: number, date: number): IsoDate | null {
  return isValidYmd(year, month, date) ? ymd(year, month, date) : null;
}

function monthWindow(year: number, month: number, part: string | undefined, mode: Mode, today: IsoDate): TimeWindow | null {
  if (month < 1 || month > 12) return null;
  const first = ymd(year, month, 1);
  const end = ymd(year, month, daysInMonth(year, month));
  const name = `${month}月`;
  if (part === '底' || part === '末') return { from: today, to: end, label: `${name}底前` };
  if (part === '初' || part === '上旬') return shape(first, ymd(year, month, 10), mode, today, `${name}${part}`);
  if (part === '中旬') return shape(ymd(year, month, 11), ymd(year, month, 20), mode, today, `${name}中旬`);
  if (part === '下旬') return shape(ymd(year, month, 21), end, mode, today, `${name}下旬`);
  // "10月前" is before October begins; "10月份" the whole month.
  if (mode === 'before') return { from: today, to: addDays(first, -1), label: `${name}前` };
  return shape(first, end, mode, today, name);
}

function weekOf(today: IsoDate, offset: number): { monday: IsoDate; sunday: IsoDate } {
  const monday = addDays(today, -((weekday(today) + 6) % 7) + 7 * offset);
  return { monday, sunday: addDays(monday, 6) };
}

function holidayWindow(name: HolidayName | null, when: string, ctx: TimeContext, label: string): TimeWindow | null {
  const block = nextHoliday(name, ctx.today, ctx.calendar);
  if (!block) return null;
  if (/后|after/.test(when)) return { from: addDays(block.last, 1), to: FAR_FUTURE, label: `${label}后` };
  return { from: ctx.today, to: addDays(block.first, -1), label: `${label}前` };
}

const WEEKDAY = '([一二三四五六日天1-7])';
const weekdayIndex = (text: string): number => ('一二三四五六'.indexOf(text) >= 0 ? '一二三四五六'.indexOf(text) : /[1-6]/.test(text) ? Number(text) - 1 : 6);

const RULES: readonly TimeRule[] = [
  // 2025-09-30, 2025/9/30, 2025.9.30, 2025年9月30日
  {
    pattern: new RegExp(`${BEFORE}(\\d{4})(?:[-/.]|年)(\\d{1,2})(?:[-/.]|月)(\\d{1,2})[日号]?${AFTER}`, 'g'),
    window: (m, { today }) => {
      const date = day(Number(m[2]), Number(m[3]), Number(m[4]));
      return date ? shape(date, date, modeOf(m[1], m[5], 'on'), today, date) : null;
    },
  },
  // 9月30日, 九月三十号, 9月30
  {
    pattern: new RegExp(`${BEFORE}${N}月${N}(?:[日号]|(?![\\d个天项日号周]))${AFTER}`, 'g'),
    window: (m, { today }) => {
      const month = NUM(m[2]);
      const date = NUM(m[3]);
      if (month === null || date === null) return null;
      const iso = day(yearOf(month, date, today), month, date);
      return iso ? shape(iso, iso, modeOf(m[1], m[4], 'on'), today, `${month}月${date}日`) : null;
    },
  },
  // 30号前, 15日到期: a day of this month (of next month once it has passed)
  {
    pattern: new RegExp(`(?<![月\\d])${N}[号日](前|之前|以前|到期|截止)`, 'g'),
    window: (m, { today }) => {
      const date = NUM(m[1]);
      if (date === null || date < 1 || date > 31) return null;
      let [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
      if (date < Number(today.slice(8, 10))) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
      const iso = day(year, month, Math.min(date, daysInMonth(year, month)));
      if (!iso) return null;
      return m[2] === '到期' || m[2] === '截止' ? { from: iso, to: iso, label: `${month}月${date}日` } : { from: today, to: iso, label: `${month}月${date}日前` };
    },
  },
  // 9.30, 9/30 (month and day as offices type them)
  {
    pattern: new RegExp(`${BEFORE}(?<![\\d.%/])(\\d{1,2})[./](\\d{1,2})(?![\\d.%/])${AFTER}`, 'g'),
    window: (m, { today }) => {
      const month = Number(m[2]);
      const date = Number(m[3]);
      if (month < 1 || month > 12) return null;
      const iso = day(yearOf(month, date, today), month, date);
      return iso ? shape(iso, iso, modeOf(m[1], m[4], 'on'), today, `${month}月${date}日`) : null;
    },
  },
  // 2025年10月, 10月份, 十月底, 3月中旬, 10月前, 明年3月底
  {
    pattern: new RegExp(`${BEFORE}(?:(\\d{4})年|(今年|明年|去年))?${N}月份?(底|末|初|上旬|中旬|下旬)?${AFTER}`, 'g'),
    window: (m, { today }) => {
      const month = NUM(m[4]);
      if (month === null || month < 1 || month > 12) return null;
      const thisYear = Number(today.slice(0, 4));
      const relative = m[3] === '明年' ? thisYear + 1 : m[3] === '去年' ? thisYear - 1 : m[3] === '今年' ? thisYear : null;
      const mode = modeOf(m[1], m[6], 'in');
      let year = m[2] ? Number(m[2]) : (relative ?? yearOf(month, null, today));
      // "三月底前" asked in September means next March: a deadline window must not lie wholly in the past.
      const upTo = mode === 'before' || m[5] === '底' || m[5] === '末';
      if (upTo && !m[2] && relative === null && ymd(year, month, daysInMonth(year, month)) < today) year += 1;
      return monthWindow(year, month, m[5], mode, today);
    },
  },
  // 本月, 下个月, 上个月, 月底前
  {
    pattern: /(本月|这个月|这月|当月|本月份|这个月份)(底|末)?|(下下个?月)|(下个?月|下月份|next month)|(上个?月|上月份|last month|previous month)|(本月底|月底|月末|this month|by (?:the )?end of (?:the |this )?month|end of (?:the |this )?month)/g,
    window: (m, { today }) => {
      const first = `${today.slice(0, 8)}01`;
      if (m[1]) return { from: today, to: monthEnd(today), label: m[2] ? '本月底前' : '本月', periodStart: first };
      if (m[3]) {
        const start = addDays(monthEnd(addDays(monthEnd(today), 1)), 1);
        return { from: start, to: monthEnd(start), label: '下下个月' };
      }
      if (m[4]) {
        const start = addDays(monthEnd(today), 1);
        return { from: start, to: monthEnd(start), label: '下个月' };
      }
      if (m[5]) {
        const end = addDays(first, -1);
        return { from: `${end.slice(0, 8)}01`, to: end, label: '上个月' };
      }
      return { from: today, to: monthEnd(today), label: '本月', periodStart: first };
    },
  },
  // 今年, 去年, 明年, 2025年, 年底前, 年内, 上半年, 第三季度, this year
  {
    pattern: /(今年|本年度?|今年度|this year|this calendar year)(底|末|内|年底)?|(去年|上一年|last year|previous year)|(明年|下一年|next year)|(年底|年末|年内|年终|by (?:the )?end of (?:the |this )?year|end of (?:the |this )?year|before year end|by year end)|(?<!\d)(20\d{2})年?(?:度)?(?![\d月./年-])/g,
    window: (m, { today }) => {
      const year = Number(today.slice(0, 4));
      const whole = (y: number, label: string): TimeWindow => ({ from: `${y}-01-01`, to: `${y}-12-31`, label });
      if (m[1]) return m[2] ? { from: today, to: `${year}-12-31`, label: '年底前' } : whole(year, '今年');
      if (m[3]) return whole(year - 1, '去年');
      if (m[4]) return whole(year + 1, '明年');
      if (m[5]) return { from: today, to: `${year}-12-31`, label: '年底前' };
      const named = Number(m[6]);
      return whole(named, `${named}年`);
    },
  },
  {
    pattern: /(上半年|first half(?: of (?:the |this )?year)?|h1)|(下半年|second half(?: of (?:the |this )?year)?|h2)|(?:第?([一二三四1-4])季度|(?<![a-z])q([1-4])(?![a-z0-9])|(first|second|third|fourth) quarter)(末|底|前)?/g,
    window: (m, { today }) => {
      const year = Number(today.slice(0, 4));
      if (m[1]) return { from: `${year}-01-01`, to: `${year}-06-30`, label: '上半年' };
      if (m[2]) return { from: `${year}-07-01`, to: `${year}-12-31`, label: '下半年' };
      const q = m[3] ? (NUM(m[3]) ?? 0) : m[4] ? Number(m[4]) : ['first', 'second', 'third', 'fourth'].indexOf(m[5]) + 1;
      if (q < 1 || q > 4) return null;
      const end = ymd(year, q * 3, daysInMonth(year, q * 3));
      if (m[6]) return { from: today, to: end, label: `第${q}季度末前` };
      return { from: ymd(year, q * 3 - 2, 1), to: end, label: `第${q}季度` };
    },
  },
  // 本周, 下周, 上周, 下下周, 周五前, 下周一, this week
  {
    pattern: new RegExp(`(本|这|这个|下|下个|下下|上|上个)?(?:周|星期|礼拜)${WEEKDAY}?(前|之前|以前)?`, 'g'),
    window: (m, { today }) => {
      const which = m[1] ?? '';
      const offset = which.startsWith('下下') ? 2 : which.startsWith('下') ? 1 : which.startsWith('上') ? -1 : 0;
      if (!m[1] && !m[2]) return null;
      const { monday, sunday } = weekOf(today, offset);
      const label = `${['上', '本', '下', '下下'][offset + 1]}周`;
      if (m[2]) {
        const date = addDays(monday, weekdayIndex(m[2]));
        const name = `${label}${m[2]}`;
        return m[3] ? { from: today, to: date, label: `${name}前` } : { from: date, to: date, label: name };
      }
      if (offset === 0) return { from: today, to: sunday, label, periodStart: monday };
      return { from: monday, to: sunday, label };
    },
  },
  {
    pattern: /(this week|by (?:the )?end of (?:the |this )?week|end of (?:the |this )?week|this weekend)|(next week)|(last week|previous week)|(week after next)/g,
    window: (m, { today }) => {
      if (m[1]) {
        const { monday, sunday } = weekOf(today, 0);
        return { from: today, to: sunday, label: '本周', periodStart: monday };
      }
      const offset = m[2] ? 1 : m[3] ? -1 : 2;
      const { monday, sunday } = weekOf(today, offset);
      return { from: monday, to: sunday, label: offset === 1 ? '下周' : offset === -1 ? '上周' : '下下周' };
    },
  },
  // 今天, 明天, 后天, 昨天
  {
    pattern: /(今天|今日|当天|当日|today|tonight|by end of day|end of day|eod)|(大后天)|(明天|明日|tomorrow|tmr|tmrw)|(后天|day after tomorrow)|(昨天|昨日|yesterday)|(前天)/g,
    window: (m, { today }) => {
      const offset = m[1] ? 0 : m[2] ? 3 : m[3] ? 1 : m[4] ? 2 : m[5] ? -1 : -2;
      const date = addDays(today, offset);
      return { from: date, to: date, label: ['前天', '昨天', '今天', '明天', '后天', '大后天'][offset + 2] };
    },
  },
  // N个工作日内
  {
    pattern: new RegExp(`(?:未来|接下来|最近|近|今后|往后)?${N}个?工作日(?:之内|以内|内)?`, 'g'),
    window: (m, { today, calendar }) => {
      const n = NUM(m[1]);
      return n === null ? null : { from: today, to: calendar.addWorkdays(today, n), label: `${n}个工作日内` };
    },
  },
  {
    pattern: /(?:in|within|over|during)?\s*(?:the\s+)?(?:next|coming)?\s*(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:working|business|work)\s+days?/g,
    window: (m, { today, calendar }) => {
      const n = englishNumber(m[1]);
      return n === null ? null : { from: today, to: calendar.addWorkdays(today, n), label: `${n}个工作日内` };
    },
  },
  // N天内, 未来N天, N周内, N个月内
  {
    pattern: new RegExp(`(未来|接下来|最近|近|今后|往后|这)?${N}(个)?(天|日|周|星期|礼拜|月)(之内|以内|内)?`, 'g'),
    window: (m, { today }) => {
      if (!m[1] && !m[5]) return null;
      const n = NUM(m[2]);
      if (n === null) return null;
      const unit = m[4];
      if (unit === '月') {
        if (!m[3] && !m[1]) return null;
        const date = new Date(`${today}T00:00:00Z`);
        date.setUTCMonth(date.getUTCMonth() + n);
        return { from: today, to: date.toISOString().slice(0, 10), label: `${n}个月内` };
      }
      const days = unit === '天' || unit === '日' ? n : n * 7;
      return { from: today, to: addDays(today, days), label: `${n}${unit === '日' ? '天' : unit}内` };
    },
  },
  {
    pattern: /(?:(?:in|within|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?|(?:the\s+)?(?:next|coming)\s+)(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(days?|weeks?|months?)/g,
    window: (m, { today }) => {
      const n = m[1] === 'a' ? 1 : englishNumber(m[1]);
      if (n === null) return null;
      if (m[2].startsWith('month')) {
        const date = new Date(`${today}T00:00:00Z`);
        date.setUTCMonth(date.getUTCMonth() + n);
        return { from: today, to: date.toISOString().slice(0, 10), label: `${n}个月内` };
      }
      const days = m[2].startsWith('week') ? n * 7 : n;
      return { from: today, to: addDays(today, days), label: `${days}天内` };
    },
  },
  // 国庆前, 节前, 五一后
  {
    pattern: new RegExp(HOLIDAY_WORDS, 'g'),
    window: (m, ctx) => {
      const [name] = HOLIDAYS.find(([, p]) => p.test(m[1])) ?? [null];
      return holidayWindow(name, m[2], ctx, m[1] === '节' ? '节' : m[1]);
    },
  },
  {
    pattern: new RegExp(HOLIDAY_EN, 'g'),
    window: (m, ctx) => {
      const [name] = HOLIDAYS.find(([, p]) => p.test(m[2])) ?? [null];
      return holidayWindow(name, m[1], ctx, name ?? '节');
    },
  },
  // English month dates: by Oct 15, before October 1, on 9/30, end of October, in October, October 15
  {
    pattern: new RegExp(
      `(by|before|until|till|no later than|on|due|after|from|in|during|through)?\\s*(?:the\\s+)?(?:(end|start|beginning|middle|mid) of\\s+)?(?<![a-z])${MONTH_EN}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:\\s+(20\\d{2}))?(?![a-z])`,
      'g',
    ),
    window: (m, { today }) => englishMonthWindow(m[1], m[2], monthNumber(m[3]), m[4] ? Number(m[4]) : null, m[5] ? Number(m[5]) : null, today),
  },
  {
    pattern: new RegExp(`(by|before|until|till|no later than|on|due|after|from)?\\s*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<![a-z])${MONTH_EN}(?![a-z])`, 'g'),
    window: (m, { today }) => englishMonthWindow(m[1], undefined, monthNumber(m[3]), Number(m[2]), null, today),
  },
];

function englishMonthWindow(prep: string | undefined, part: string | undefined, month: number, date: number | null, year: number | null, today: IsoDate): TimeWindow | null {
  // "may" is a month only with a day, a preposition or "end of": "what may be late" names no month.
  if (month < 1 || (month === 5 && date === null && !prep && !part)) return null;
  const y = year ?? yearOf(month, date, today);
  if (date !== null) {
    const iso = day(y, month, date);
    if (!iso) return null;
    const label = `${month}月${date}日`;
    // "before Oct 1" excludes the day; "by Oct 1" includes it.
    if (prep === 'before') return { from: today, to: addDays(iso, -1), label: `${label}前` };
    if (prep === 'by' || prep === 'until' || prep === 'till' || prep === 'no later than') return { from: today, to: iso, label: `${label}前` };
    if (prep === 'after' || prep === 'from') return { from: iso, to: FAR_FUTURE, label: `${label}以后` };
    return { from: iso, to: iso, label };
  }
  const end = ymd(y, month, daysInMonth(y, month));
  if (part === 'end') return { from: today, to: end, label: `${month}月底前` };
  if (part === 'start' || part === 'beginning') return { from: ymd(y, month, 1), to: ymd(y, month, 10), label: `${month}月初` };
  if (part === 'middle' || part === 'mid') return { from: ymd(y, month, 11), to: ymd(y, month, 20), label: `${month}月中旬` };
  if (prep === 'before') return { from: today, to: addDays(ymd(y, month, 1), -1), label: `${month}月前` };
  if (prep === 'by' || prep === 'until' || prep === 'till' || prep === 'no later than') return { from: today, to: end, label: `${month}月底前` };
  if (prep === 'after' || prep === 'from') return { from: ymd(y, month, 1), to: FAR_FUTURE, label: `${month}月以后` };
  return { from: ymd(y, month, 1), to: end, label: `${month}月` };
}

const ENGLISH_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
function englishNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const n = ENGLISH_NUMBERS.indexOf(text);
  return n >= 0 ? n : null;
}

/** The time windows in the text, as spans (overlaps are resolved with the other pieces). */
export function timeSpans(text: string, ctx: TimeContext): Span[] {
  const spans: Span[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].trim() === '') {
        rule.pattern.lastIndex += 1;
        continue;
      }
      const window = rule.window(m, ctx);
      // A leading space the English patterns allow is not part of the span.
      const lead = m[0].length - m[0].trimStart().length;
      if (window && window.from <= window.to) spans.push({ start: m.index + lead, end: m.index + m[0].trimEnd().length, piece: { kind: 'window', window }, priority: 3 });
    }
  }
  return spans;
}
