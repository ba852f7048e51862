/** `duban plan`: the scheduled runs ahead, on working days, so the office sees before a holiday what goes out when. */
import { addDays, isIsoDate, todayIn } from '../../calendar/dates.js';
import { unknownYearNotice } from '../../calendar/chinese-calendar.js';
import { planRuns } from '../../jobs/plan-runs.js';
import { renderPlanText } from '../../jobs/plan-text.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadRuntime } from '../context.js';
import { println, type CliIO } from '../io.js';

const MAX_DAYS = 366;

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const runtime = loadRuntime(args, io);
  const { config } = runtime.loaded;
  if (args.from !== undefined && !isIsoDate(args.from)) throw new UsageError(`--from 需要 YYYY-MM-DD 格式的日期，收到 "${args.from}"。`);
  const days = args.days === undefined ? 14 : Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new UsageError(`--days 需要 1 到 ${MAX_DAYS} 之间的整数，收到 "${args.days}"。`);
  const from = args.from ?? todayIn(config.timezone, io.now());
  const plan = planRuns({ from, days, config, calendar: runtime.calendar });
  const notices = runtime.calendar.unknownYears(from, addDays(from, days - 1)).map(unknownYearNotice);
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify({ from, days, timezone: config.timezone, runs: plan.runs, notices }, null, 2));
  } else {
    println(io.stdout, renderPlanText(plan, notices));
  }
  return 0;
}
