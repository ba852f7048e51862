import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/calendar-overrides.js';
import { configSchema } from '../../src/config/schema.js';
import type { RawTable } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log/logger.js';
import type { LedgerSource } from '../../src/sources/source.js';
import { runDuban } from '../support/run-cli.js';
import { DAY_OFF, EXTRA_WORKDAY, GOOD_ROWS, writeOfficeLedger } from './office-ledger.js';

const FROM = '2026-12-07';

/** A temp folder with ledger.xlsx (台账, 单位, 调休 tabs) and config/duban.yaml naming the calendar tab. */
async function office(calendarRows: unknown[][], calendarYaml = 'calendar: { tab: 调休 }'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-calendar-tab-'));
  await writeOfficeLedger(dir, calendarRows);
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'duban.yaml'), `sheet: ../ledger.xlsx\n${calendarYaml}\n`);
  return dir;
}

async function digestDates(cwd: string): Promise<{ dates: string[]; notices: string[] }> {
  const run = await runDuban(['plan', '--from', FROM, '--days', '7', '--format', 'json'], { cwd });
  expect(run.code).toBe(0);
  const plan = run.json<{ runs: { job: string; date: string }[]; notices: string[] }>();
  return { dates: plan.runs.filter((r) => r.job === 'digest').map((r) => r.date), notices: plan.notices };
}

describe('the calendar tab of the ledger (calendar.tab)', () => {
  it('duban plan skips the local day off and includes the extra working Saturday', async () => {
    const withTab = await digestDates(await office(GOOD_ROWS));
    expect(withTab.dates).toEqual(['2026-12-07', '2026-12-08', '2026-12-10', '2026-12-11', EXTRA_WORKDAY]);
    expect(withTab.notices).toEqual([]);
    const withoutTab = await digestDates(await office(GOOD_ROWS, ''));
    expect(withoutTab.dates).toEqual(['2026-12-07', '2026-12-08', DAY_OFF, '2026-12-10', '2026-12-11']);
  });

  it('duban validate reports a bad row of the tab with its row number; plan shows it as a notice', async () => {
    const cwd = await office([...GOOD_ROWS, ['2026-12-19', '值班', ''], ['下周三', '休息', '']]);
    const run = await runDuban(['validate', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const calendarProblems = run.json<{ problems: { row: number; code: string; severity: string; message: string; sheet?: string }[] }>().problems.filter((p) => p.code.startsWith('calendar_'));
    expect(calendarProblems.map((p) => [p.row, p.code, p.severity])).toEqual([[4, 'calendar_bad_kind', 'error'], [5, 'calendar_bad_date', 'error']]);
    // The row is a row of the 调休 tab, not of the ledger: the problem says which table.
    expect(calendarProblems[0].sheet).toContain('调休');
    expect(calendarProblems[0].message).toContain('第 4 行');
    expect(calendarProblems[0].message).toContain('值班');
    const plan = await digestDates(cwd);
    expect(plan.dates).toContain(EXTRA_WORKDAY);
    expect(plan.notices.some((n) => n.includes('值班') && n.includes('第 4 行'))).toBe(true);
  });

  it('a configured tab that is not in the ledger is a warning naming the setting', async () => {
    const cwd = await office(GOOD_ROWS, 'calendar: { tab: 工作日调整, daysOff: ["2026-12-08"] }');
    const run = await runDuban(['validate', '--format', 'json'], { cwd });
    const missing = run.json<{ problems: { code: string; severity: string; message: string }[] }>().problems.filter((p) => p.code === 'calendar_tab_missing');
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe('warning');
    expect(missing[0].message).toContain('calendar.tab');
    // The config list still applies.
    expect((await digestDates(cwd)).dates).not.toContain('2026-12-08');
  });
});

describe('loadCalendar', () => {
  const config = (calendar: Record<string, unknown>) => configSchema.parse({ sheet: 'ledger.xlsx', calendar });
  const table: RawTable = { source: 'tab 调休', headerRow: 1, headers: ['日期', '类型'], rows: [{ row: 2, cells: [EXTRA_WORKDAY, '上班'] }] };
  const source = (readTab?: LedgerSource['readTab']): LedgerSource => ({
    location: 'test',
    read: () => Promise.reject(new Error('not used')),
    revision: async () => null,
    updateTask: () => Promise.reject(new Error('not used')),
    ...(readTab ? { readTab } : {}),
  });

  it('merges the config lists with the tab', async () => {
    const asked: string[] = [];
    const { calendar, problems } = await loadCalendar(config({ tab: '调休', daysOff: [DAY_OFF] }), source(async (name) => (asked.push(name), table)), silentLogger);
    expect(asked).toEqual(['调休']);
    expect(problems).toEqual([]);
    expect([calendar.isWorkday(DAY_OFF), calendar.isWorkday(EXTRA_WORKDAY)]).toEqual([false, true]);
  });

  it('reads no tab when calendar.tab is not set', async () => {
    const asked: string[] = [];
    const { calendar, problems } = await loadCalendar(config({ workdays: [EXTRA_WORKDAY] }), source(async (name) => (asked.push(name), table)), silentLogger);
    expect(asked).toEqual([]);
    expect(problems).toEqual([]);
    expect(calendar.isWorkday(EXTRA_WORKDAY)).toBe(true);
  });

  it('turns a failed read or a source without tabs into a problem and keeps the config lists', async () => {
    const failing = await loadCalendar(config({ tab: '调休', daysOff: [DAY_OFF] }), source(() => Promise.reject(new Error('网络中断'))), silentLogger);
    expect(failing.problems.map((p) => [p.code, p.severity])).toEqual([['calendar_tab_unreadable', 'error']]);
    expect(failing.problems[0].message).toContain('网络中断');
    expect(failing.calendar.isWorkday(DAY_OFF)).toBe(false);
    const tabless = await loadCalendar(config({ tab: '调休' }), source(), silentLogger);
    expect(tabless.problems.map((p) => [p.code, p.severity])).toEqual([['calendar_tab_unsupported', 'warning']]);
    expect(tabless.calendar.isWorkday(EXTRA_WORKDAY)).toBe(false);
  });
});
