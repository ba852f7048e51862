/** A deadline written inside a task sentence ("于2024年6月底前完成") → the task's due date. */
import type { IsoDate } from '../domain/types.js';
import { arabicDates } from '../ledger/chinese-numerals.js';
import { parseDateExpression } from '../ledger/date-forms.js';
import { parseDateCell } from '../ledger/dates.js';

// A date followed by 前 ("2024年6月底前", "9月30日前", "年底前"); "每年6月底前" (recurring) is not a deadline.
const DEADLINE = /(?<!每(?:年|半年)?)((?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末|上旬|中旬|下旬)?|(?:\d{4})?年[底末])(?:之前|以前|前)/g;
// The plan's year, from its title: "××市2024年优化营商环境…".
const TITLE_YEAR = /(20\d{2})\s*年/;

/** The year named in the first non-empty line of the plan (its title), or null. */
export function planYear(text: string): number | null {
  const title = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const m = TITLE_YEAR.exec(arabicDates(title));
  return m ? Number(m[1]) : null;
}

/** The latest deadline named in the sentence; a date without a year takes `year`; null when there is none. */
export function deadlineInText(sentence: string, year: number | null): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const m of arabicDates(sentence).matchAll(DEADLINE)) {
    const expr = parseDateExpression(`${m[1]}前`, year);
    if (expr.kind === 'span' && (latest === null || expr.last > latest)) latest = expr.last;
  }
  return latest;
}

/** The deadline of a time field ("完成时限：2024年9月30日", "2024年12月底前完成"), read like a ledger's 截止日期 cell. */
export function deadlineInField(text: string | undefined, year: number | null): IsoDate | null {
  if (!text) return null;
  const parsed = parseDateCell(text, { referenceYear: year });
  return parsed.kind === 'date' ? parsed.due : null;
}

/** Why a time field names no deadline ("「2022-02-29」不是有效日期：…"), or null when it names one or is empty, ongoing or recurring. */
export function deadlineFieldProblem(text: string | undefined, year: number | null): string | null {
  if (!text) return null;
  const parsed = parseDateCell(text, { referenceYear: year });
  return parsed.kind === 'invalid' ? parsed.reason : null;
}
