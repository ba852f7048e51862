/**
 * Everything a ledger command needs, loaded once: configuration, the ledger read through its source, the unit
 * directory, the work calendar, report options and the date to report for.
 */
import { resolve } from 'node:path';
import { todayIn } from '../calendar/dates.js';
import { unknownYearNotice, type ChineseWorkCalendar } from '../calendar/chinese-calendar.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { IsoDate, Ledger, ReportOptions } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { loadCalendar, withCalendarProblems } from '../app/calendar-overrides.js';
import { readLedger } from '../app/read-ledger.js';
import { createLogger, type Logger, type LogLevel } from '../log/logger.js';
import { reportOptionsOf } from '../config/report-options.js';
import { isLocalLocation, isTableFile, webLink } from '../sources/location.js';
import { bundledExample, isBundledExample, openLedger } from '../app/bundled-example.js';
import type { LedgerSource } from '../sources/source.js';
import type { CliArgs } from './args.js';
import { dateOption } from './date-option.js';
import { chooseLedger, warnSameSheets } from './choose-ledger.js';
import type { CliIO } from './io.js';

export interface Runtime {
  loaded: LoadedConfig;
  logger: Logger;
  options: ReportOptions;
}

export interface LedgerContext extends Runtime {
  /** The work calendar: the config lists, and the ledger's calendar tab when calendar.tab is set. */
  calendar: ChineseWorkCalendar;
  source: LedgerSource;
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
  /** Said to the user when the date was not given: "示例台账：按 2022-06-27 计算…". */
  dateNote: string | null;
  /** Office notices such as an unknown holiday year. */
  notices: string[];
  /** The ledger's URL when it lives online (cards link to it). */
  sheetUrl: string | null;
}

/** Loads configuration, the logger and report options. */
export function loadRuntime(args: CliArgs, io: CliIO): Runtime {
  const all = loadConfig({ path: args.config, env: io.env, cwd: io.cwd });
  // The service's log is its record (one line per event); one-shot commands show only warnings and errors.
  const defaultLevel: LogLevel = args.command === 'serve' && all.mode === 'feishu' ? 'info' : 'warn';
  const logger = createLogger({ stream: io.stderr, level: (io.env.DUBAN_LOG_LEVEL as LogLevel | undefined) ?? defaultLevel });
  warnSameSheets(all, logger);
  const loaded = chooseLedger(all, args.command, args.ledger);
  const { config } = loaded;
  const { options, renamed } = reportOptionsOf(config);
  for (const { old, now } of renamed) logger.warn('config.renamed_key', { setting: old, use: now, hint: `rename ${old} to ${now} in the configuration file` });
  return { loaded, logger, options };
}

/** The ledger location and unit directory a command uses: --sheet/--units win over the configuration. */
export function ledgerLocation(args: CliArgs, io: CliIO, runtime: Runtime): { sheet: string; units: string | undefined } {
  const { config } = runtime.loaded;
  const local = (location: string) => (isLocalLocation(location) ? resolve(io.cwd, location) : location);
  // A units setting is either a file beside the ledger or the name of a tab (table) in the same spreadsheet.
  const units = (value: string) => (isTableFile(value) ? local(value) : value);
  const sheet = local(args.sheet ?? config.sheet);
  const unitsSetting = args.units ?? (args.sheet ? undefined : config.units);
  return { sheet, units: unitsSetting === undefined ? undefined : units(unitsSetting) };
}

/** The date to report for: --today, else the bundled example's demo date, else today in the configured timezone. */
export function reportDate(args: CliArgs, io: CliIO, runtime: Runtime, sheet: string): { today: IsoDate; note: string | null } {
  if (args.today !== undefined) return { today: dateOption('--today', args.today), note: null };
  if (isBundledExample(sheet)) {
    const example = bundledExample();
    return { today: example.today, note: `示例台账：按 ${example.today} 计算（示例方案的实施期内；用 --today YYYY-MM-DD 指定其他日期）` };
  }
  return { today: todayIn(runtime.loaded.config.timezone, io.now()), note: null };
}

/** Reads and parses the ledger for a command. */
export async function loadLedgerContext(args: CliArgs, io: CliIO, runtime: Runtime = loadRuntime(args, io)): Promise<LedgerContext> {
  const { sheet, units } = ledgerLocation(args, io, runtime);
  const { today, note } = reportDate(args, io, runtime, sheet);
  const source = openLedger(sheet, { units, logger: runtime.logger, env: runtime.loaded.sourceEnv });
  const sheetUrl = webLink(sheet);
  // An online ledger can take a few seconds (and retries on rate limits): say so on a terminal.
  if (sheetUrl && io.stderr.isTTY) io.stderr.write(`正在读取台账 ${sheet} …\n`);
  const { ledger, directory } = await readLedger(source, today);
  const { calendar, problems } = await loadCalendar(runtime.loaded.config, source, runtime.logger);
  const notices = calendar.unknownYears(today, today).map(unknownYearNotice);
  const checked = withCalendarProblems(ledger, problems);
  return { ...runtime, calendar, source, ledger: checked, directory, today, dateNote: note, notices, sheetUrl };
}
