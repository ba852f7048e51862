/** `duban plan`: the schedule, i.e. the runs ahead, on working days, so the office sees before a holiday what goes out when. */
import { loadCalendar } from '../../app/calendar-overrides.js';
import { addDays, todayIn } from '../../calendar/dates.js';
import { unknownYearNotice } from '../../calendar/chinese-calendar.js';
import { scheduleRuns } from '../../jobs/schedule.js';
import { renderScheduleText } from '../../jobs/schedule-text.js';
import { openSource } from '../../sources/open-source.js';
import type { LedgerSource } from '../../sources/source.js';
import { problemText } from '../../render/problems-doc.js';
import { UsageError, type CliArgs } from '../args.js';
import { ledgerLocation, loadRuntime, type Runtime } from '../context.js';
import { dateOption } from '../date-option.js';
import { println, type CliIO } from '../io.js';

const MAX_DAYS = 366;

/** The ledger, read only for its calendar tab (when calendar.tab is set). */
function calendarSource(args: CliArgs, io: CliIO, runtime: Runtime): LedgerSource | null {
  if (!runtime.loaded.config.calendar.tab) return null;
  const { sheet, units } = ledgerLocation(args, io, runtime);
  return openSource(sheet, { units, logger: runtime.logger, env: runtime.loaded.sourceEnv });
}

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const runtime = loadRuntime(args, io);
  const { config } = runtime.loaded;
  const days = args.days === undefined ? 14 : Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new UsageError(`--days 需要 1 到 ${MAX_DAYS} 之间的整数，收到 "${args.days}"。`);
  const from = args.from === undefined ? todayIn(config.timezone, io.now()) : dateOption('--from', args.from);
  // The calendar tab's problems are shown as notices.
  const { calendar, problems } = await loadCalendar(config, calendarSource(args, io, runtime), runtime.logger);
  const schedule = scheduleRuns({ from, days, config, calendar });
  const notices = [...calendar.unknownYears(from, addDays(from, days - 1)).map(unknownYearNotice), ...problems.map(problemText)];
  if (args.format === 'json') {
    println(io.stdout, JSON.stringify({ from, days, timezone: config.timezone, runs: schedule.runs, notices }, null, 2));
  } else {
    println(io.stdout, renderScheduleText(schedule, notices));
  }
  return 0;
}
