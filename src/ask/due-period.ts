/**
 * The window of a "due" question: 本周 / this week, 本月 / this month, 3天内 / in 3 days, 即将到期 / due soon,
 * 今天 / 明天 / 下周 / 下个月, and "6月底前" / "by end of June".
 */
import type { DuePeriodKind, MonthDay } from './intent.js';
import { COUNT, parseCount } from './numbers.js';

export interface DuePeriod {
  period: DuePeriodKind;
  /** Set for an explicit number of days; null for "即将到期" (the configured due-soon window) and the named periods. */
  days: number | null;
  /** Set for period 'date'. */
  date?: MonthDay;
  /** The question with the period phrase and the due words taken out: what is left may name a unit. */
  rest: string;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_EN = `(${MONTHS_EN.join('|')}|${MONTHS_EN.map((m) => m.slice(0, 3)).join('|')})`;
// "6月30日前", "6月底前", "end of June", "by June 30": a day of the year. Tried first: "30日" is not "30 days".
const DATE_ZH = new RegExp(`(${COUNT})月(?:份)?(?:(${COUNT})[日号]|底|末)?(?:之前|以前|前)?`);
const DATE_EN = new RegExp(
  `\\b(?:(?:by|before)\\s+)?(?:(?:the\\s+)?end\\s+of\\s+${MONTH_EN}|${MONTH_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b|\\b(?:in|during)\\s+${MONTH_EN}\\b`,
  'i',
);
// "今年底前", "年底前", "by the end of the year": December's last day.
const YEAR_END = /今?年[底末](?:之前|以前|前)?|今年内|\bby (?:the )?end of (?:the |this )?year\b/i;
// Named periods, most specific first ("下周" before "周"); each with the phrases that say it.
const NAMED: [Exclude<DuePeriodKind, 'days' | 'date'>, RegExp][] = [
  // "下周一到期" is read as next week.
  ['next_week', /下周[一二三四五六日天]?|下个?星期[一二三四五六日天]?|下个?礼拜[一二三四五六日天]?|下一周|\bnext week\b/i],
  ['next_month', /下个?月|\bnext month\b/i],
  ['week', /本周|这周|这一周|这个星期|本星期|这星期|本礼拜|这礼拜|\bthis week\b/i],
  ['month', /本月|这个月|这月|当月|\bthis month\b/i],
  ['today', /今天|今日|当天|\btoday\b/i],
  ['tomorrow', /明天|明日|\btomorrow\b/i],
];
const DAY_AFTER_TOMORROW = /后天/;
const DAYS = new RegExp(
  `(?:未来|最近|近|接下来|今后)?(${COUNT})个?(?:工作)?[天日](?:之内|以内|内)?|\\b(?:in|within|in the next|next|the next)\\s+(\\d+)\\s+(?:working\\s+)?days?\\b`,
  'i',
);
const SOON = /即将|快要|快|马上|临近|临期|\bsoon\b|\bupcoming\b/i;
/** Words that make a question about deadlines. */
export const DUE_WORD = /到期|截止|届满|要完成|要交|该交|\bdue\b|\bdeadlines?\b|\bexpir/i;
const DUE_WORDS = /到期|截止|届满|要完成|要交|该交|\bdue\b|\bdeadlines?\b|\bexpir\w*/gi;

/** The due window the question asks about, or null when it is not a due question. */
export function readDuePeriod(text: string): DuePeriod | null {
  const hasDueWord = DUE_WORD.test(text);
  const strip = (phrase: RegExp): string => text.replace(phrase, ' ').replace(DUE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (hasDueWord) {
    const date = readDate(text);
    if (date) return { period: 'date', days: null, date: date.date, rest: strip(date.phrase) };
  }
  const days = DAYS.exec(text);
  if (days) {
    const count = parseCount(days[1] ?? days[2]);
    // "未来5天" alone asks what falls due; "5天内" without a due word could be anything else.
    const implied = /^(?:未来|接下来|最近|近)/.test(days[0]) || hasDueWord;
    if (count !== null && implied) return { period: 'days', days: count, rest: strip(DAYS) };
  }
  if (!hasDueWord) return null;
  for (const [period, phrase] of NAMED) if (phrase.test(text)) return { period, days: null, rest: strip(phrase) };
  if (DAY_AFTER_TOMORROW.test(text)) return { period: 'days', days: 2, rest: strip(DAY_AFTER_TOMORROW) };
  // "即将到期", "due soon", or a bare "到期的任务": the configured due-soon window.
  return { period: 'days', days: null, rest: strip(SOON) };
}

function readDate(text: string): { date: MonthDay; phrase: RegExp } | null {
  const zh = DATE_ZH.exec(text);
  if (zh) {
    const month = parseCount(zh[1]);
    const day = zh[2] === undefined ? null : parseCount(zh[2]);
    if (month !== null && month >= 1 && month <= 12 && (zh[2] === undefined || (day !== null && day >= 1 && day <= 31))) {
      // "6月份到期" asks for June; "6月底前" and "6月30日前" for the days up to then.
      const inMonth = zh[2] === undefined && !/[底末前]/.test(zh[0]);
      return { date: inMonth ? { month, day, inMonth } : { month, day }, phrase: DATE_ZH };
    }
  }
  const en = DATE_EN.exec(text);
  if (en) {
    const name = (en[1] ?? en[2] ?? en[4]).toLowerCase();
    const month = MONTHS_EN.findIndex((m) => m.startsWith(name)) + 1;
    const date: MonthDay = en[4] ? { month, day: null, inMonth: true } : { month, day: en[3] ? Number(en[3]) : null };
    return { date, phrase: DATE_EN };
  }
  if (YEAR_END.test(text)) return { date: { month: 12, day: null }, phrase: YEAR_END };
  return null;
}
