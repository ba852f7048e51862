/** Chinese numerals in dates: "六月底", "十二月", "二〇二二年", "第二季度". */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** The value of a numeral run: positional ("二〇二二" → 2022) or with 十 ("十二" → 12, "三十一" → 31). */
export function chineseNumber(run: string): number | null {
  const ten = run.indexOf('十');
  if (ten === -1) {
    let value = 0;
    for (const ch of run) {
      const digit = DIGITS[ch];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return run.length > 0 ? value : null;
  }
  const tensText = run.slice(0, ten);
  const unitsText = run.slice(ten + 1);
  const tens = tensText === '' ? 1 : DIGITS[tensText];
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || tensText.length > 1 || unitsText.length > 1) return null;
  return tens * 10 + units;
}

// Only numeral runs that count something in a date: before 年/月/日/号/季, or after 第/周/星期.
const DATE_NUMERAL = /([〇零一二两三四五六七八九十]+)(?=[年月日号季])|(?<=第|周|星期)([〇零一二三四五六七日天])/g;

/** Rewrites the Chinese numerals of a date text as Arabic digits; 周日/星期天 become 7. */
export function arabicDates(text: string): string {
  return text.replace(DATE_NUMERAL, (match: string) => {
    if (match === '日' || match === '天') return '7';
    const value = chineseNumber(match);
    return value === null ? match : String(value);
  });
}
