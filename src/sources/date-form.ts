/**
 * The form a ledger's date column writes its dates in (pure), so a date duban writes looks like its neighbours:
 * 2022-06-30, 2022/6/30, 2022.06.30 or 2022年6月30日. Cells holding real dates (XLSX dates, serial numbers) read
 * as ISO dates and are written back typed by each backend.
 */

export interface DateForm {
  /** "-", "/", "." or "年" (for 2022年6月30日). */
  separator: '-' | '/' | '.' | '年';
  /** Month and day with a leading zero (06-03) or without (6-3). */
  padded: boolean;
}

const ISO: DateForm = { separator: '-', padded: true };
const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

function formOf(text: string): DateForm | null {
  const numeric = NUMERIC.exec(text);
  const chinese = numeric ? null : CHINESE.exec(text);
  const [month, day] = numeric ? [numeric[3], numeric[4]] : chinese ? [chinese[2], chinese[3]] : [];
  if (month === undefined || day === undefined) return null;
  const separator = numeric ? (numeric[2] as DateForm['separator']) : '年';
  // 2022-12-25 says nothing about padding; 2022-06-03 and 2022-6-3 do.
  const padded = month.length === 2 && month.startsWith('0') ? true : day.length === 2 && day.startsWith('0') ? true : month.length === 1 || day.length === 1 ? false : null;
  return { separator, padded: padded ?? separator !== '年' };
}

/** The most common date form among a column's texts; ISO when it holds no date. */
export function dateFormOf(texts: readonly string[]): DateForm {
  const counts = new Map<string, { form: DateForm; n: number }>();
  for (const text of texts) {
    const form = formOf(text.trim());
    if (!form) continue;
    const key = `${form.separator}${form.padded}`;
    const entry = counts.get(key) ?? { form, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  let best: { form: DateForm; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.form ?? ISO;
}

/** An ISO date written in `form`. */
export function formatDate(iso: string, form: DateForm): string {
  const [y, m, d] = iso.split('-');
  const month = form.padded ? m : String(Number(m));
  const day = form.padded ? d : String(Number(d));
  return form.separator === '年' ? `${y}年${month}月${day}日` : [y, month, day].join(form.separator);
}
