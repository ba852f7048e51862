/** The window of a "due" question: 本周 / this week, 本月 / this month, 3天内 / in 3 days, 即将到期 / due soon. */
import { COUNT, parseCount } from './numbers.js';

export interface DuePeriod {
  period: 'week' | 'month' | 'days';
  /** Set for an explicit number of days; null for "即将到期" (the configured due-soon window) and for week/month. */
  days: number | null;
  /** The question with the period phrase and the due words taken out: what is left may name a unit. */
  rest: string;
}

const WEEK = /本周|这周|这一周|这个星期|本星期|这星期|本礼拜|这礼拜|\bthis week\b/i;
const MONTH = /本月|这个月|这月|当月|\bthis month\b/i;
const DAYS = new RegExp(
  `(?:未来|最近|近|接下来|今后)?(${COUNT})个?(?:工作)?[天日](?:之内|以内|内)?|\\b(?:in|within|in the next|next|the next)\\s+(\\d+)\\s+(?:working\\s+)?days?\\b`,
  'i',
);
const SOON = /即将|快要|快|马上|临近|临期|\bsoon\b|\bupcoming\b/i;
const DUE_WORDS = /到期|截止|届满|要完成|\bdue\b|\bdeadlines?\b|\bexpir\w*/gi;

/** The due window the question asks about, or null when it is not a due question. */
export function readDuePeriod(text: string): DuePeriod | null {
  const hasDueWord = new RegExp(DUE_WORDS.source, 'i').test(text);
  const strip = (phrase: RegExp): string => text.replace(phrase, ' ').replace(DUE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const days = DAYS.exec(text);
  if (days) {
    const count = parseCount(days[1] ?? days[2]);
    // "未来5天" alone asks what falls due; "5天内" without a due word could be anything else.
    const implied = /^(?:未来|接下来|最近|近)/.test(days[0]) || hasDueWord;
    if (count !== null && implied) return { period: 'days', days: count, rest: strip(DAYS) };
  }
  if (!hasDueWord) return null;
  if (WEEK.test(text)) return { period: 'week', days: null, rest: strip(WEEK) };
  if (MONTH.test(text)) return { period: 'month', days: null, rest: strip(MONTH) };
  // "即将到期", "due soon", or a bare "到期的任务": the configured due-soon window.
  return { period: 'days', days: null, rest: strip(SOON) };
}
