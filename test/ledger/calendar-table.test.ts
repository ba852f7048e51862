import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { overridesFromTable } from '../../src/ledger/calendar-table.js';
import type { RawTable } from '../../src/domain/types.js';

const table = (headers: string[], rows: (string | number | null)[][]): RawTable => ({
  source: 'tab 工作日调整',
  headerRow: 1,
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('overridesFromTable', () => {
  it('reads days off and extra working days in the usual date forms', () => {
    const { overrides, problems } = overridesFromTable(
      table(['日期', '类型', '说明'], [
        ['2026-06-01', '休息', '本地活动'],
        ['2026年6月6日', '上班', ''],
        [46183, '补班', ''],
        [null, '', ''],
      ]),
    );
    expect(problems).toEqual([]);
    expect(overrides).toEqual({ daysOff: ['2026-06-01'], workdays: ['2026-06-06', '2026-06-10'] });
    const calendar = createWorkCalendar({ overrides });
    expect(calendar.isWorkday('2026-06-01')).toBe(false);
    expect(calendar.isWorkday('2026-06-06')).toBe(true);
  });

  it('reports unreadable rows with row and column, and a missing column', () => {
    const { overrides, problems } = overridesFromTable(
      table(['日期', '类型'], [
        ['6月1日', '休息'],
        ['2026年6月', '休息'],
        ['2026-06-02', '半天'],
      ]),
    );
    expect(overrides).toEqual({ daysOff: [], workdays: [] });
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '日期', 'calendar_bad_date'],
      [3, '日期', 'calendar_bad_date'],
      [4, '类型', 'calendar_bad_kind'],
    ]);
    expect(problems[0].message).toMatch(/年份/);
    expect(problems[2].message).toContain('「半天」');
    expect(overridesFromTable(table(['日期'], [])).problems.map((p) => [p.column, p.code])).toEqual([['类型', 'calendar_missing_column']]);
  });
});
