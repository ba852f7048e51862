/**
 * The office's work calendar: the national schedule, the config lists (calendar.daysOff / calendar.workdays) and,
 * when calendar.tab is set, the days listed in that tab of the ledger. The tab's unreadable rows, a missing tab or a
 * failed read become problems for the ledger check; the calendar then uses what could be read.
 */
import { createWorkCalendar, type CalendarOverrides, type ChineseWorkCalendar } from '../calendar/chinese-calendar.js';
import type { DubanConfig } from '../config/schema.js';
import type { Ledger, Problem } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { LedgerSource } from '../sources/source.js';

/** The config lists of local days off and extra working days. */
function configOverrides(config: DubanConfig): CalendarOverrides {
  return { daysOff: config.calendar.daysOff, workdays: config.calendar.workdays };
}

function tabProblem(tab: string, severity: Problem['severity'], code: string, message: string): Problem {
  return { row: null, column: '', severity, code, message: `工作日调整表「${tab}」：${message}` };
}

/** The tab's overrides and problems; a tab that cannot be read gives no overrides and one problem. */
async function readTabOverrides(tab: string, source: LedgerSource, logger: Logger): Promise<{ overrides: CalendarOverrides; problems: Problem[] }> {
  const none: CalendarOverrides = { daysOff: [], workdays: [] };
  const hint = 'check calendar.tab in the configuration';
  if (!source.readTab) {
    logger.warn('calendar.tab_unsupported', { tab, location: source.location, hint });
    const fix = '请改用配置 calendar.daysOff / calendar.workdays';
    return { overrides: none, problems: [tabProblem(tab, 'warning', 'calendar_tab_unsupported', `此类台账不支持读取其他工作表，本地调整未生效；${fix}`)] };
  }
  try {
    const table = await source.readTab(tab);
    if (table === null) {
      logger.warn('calendar.tab_missing', { tab, location: source.location, hint });
      const fix = '请新建该工作表（两列：日期、类型“休息/上班”；CSV 台账为同目录下的同名 .csv 文件），或删除配置 calendar.tab';
      return { overrides: none, problems: [tabProblem(tab, 'warning', 'calendar_tab_missing', `台账中没有这个工作表，本地调整未生效。${fix}`)] };
    }
    // The tab's reader is loaded only when calendar.tab is set: most offices use the config lists or none.
    const { overridesFromTable } = await import('../ledger/calendar-table.js');
    return overridesFromTable(table);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('calendar.tab_unreadable', { tab, location: source.location, error: message, hint });
    return { overrides: none, problems: [tabProblem(tab, 'error', 'calendar_tab_unreadable', `读取失败，本地调整未生效（${message}）`)] };
  }
}

/**
 * The work calendar every command and the service use: the config lists, and with calendar.tab also that tab of
 * the ledger (read once; `source` may be null only when no tab is configured). The tab's problems come back for the
 * ledger check (withCalendarProblems).
 */
export async function loadCalendar(config: DubanConfig, source: LedgerSource | null, logger: Logger): Promise<{ calendar: ChineseWorkCalendar; problems: Problem[] }> {
  const own = configOverrides(config);
  const tab = config.calendar.tab;
  if (tab === undefined || source === null) return { calendar: createWorkCalendar({ overrides: own }), problems: [] };
  const { overrides, problems } = await readTabOverrides(tab, source, logger);
  logger.info('calendar.tab_read', { tab, daysOff: overrides.daysOff.length, workdays: overrides.workdays.length, problems: problems.length });
  const merged = { daysOff: [...own.daysOff, ...overrides.daysOff], workdays: [...own.workdays, ...overrides.workdays] };
  return { calendar: createWorkCalendar({ overrides: merged }), problems };
}

/** The ledger with the calendar tab's problems added to its own, so the ledger check shows them. */
export function withCalendarProblems(ledger: Ledger, problems: Problem[]): Ledger {
  return problems.length === 0 ? ledger : { ...ledger, problems: [...ledger.problems, ...problems] };
}
