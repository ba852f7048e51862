/** A date given on the command line (--today, --from): YYYY-MM-DD, and a day that exists. */
import { daysInMonth, ymd } from '../calendar/dates.js';
import type { IsoDate } from '../domain/types.js';
import { UsageError } from './args.js';

/** The ISO date of `value` ("2022-6-3" is taken as 2022-06-03); a UsageError naming the option when it is no real day. */
export function dateOption(option: string, value: string): IsoDate {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) throw new UsageError(`${option} 需要 YYYY-MM-DD 格式的日期，例如 2022-06-27，收到 "${value}"。`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) throw new UsageError(`${option}：${value} 这一天不存在，月份只能是 1–12。`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) throw new UsageError(`${option}：${value} 这一天不存在，${year} 年 ${month} 月只有 ${last} 天。`);
  return ymd(year, month, day);
}
