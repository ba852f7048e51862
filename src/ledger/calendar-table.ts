/**
 * Local calendar adjustments kept in a tab of the ledger (config `calendar.tab`): one row per day, a date column
 * (日期) and a kind column (类型: 休息 / 上班). Unreadable rows are reported, never silently dropped.
 */
import { findColumn } from './header-text.js';
import type { Problem, RawTable } from '../domain/types.js';
import { parseDateCell } from './dates.js';
import { cellText } from './text.js';
import type { CalendarOverrides } from '../calendar/chinese-calendar.js';

const DATE_HEADERS = ['日期', '时间', 'date'];
const KIND_HEADERS = ['类型', '调整', '安排', 'kind', 'type'];
const OFF_WORDS = new Set(['休息', '放假', '休', '休假', '不上班', 'off', 'dayoff']);
const ON_WORDS = new Set(['上班', '补班', '工作', '工作日', '调休上班', 'on', 'workday']);

function problem(table: RawTable, row: number | null, column: string, code: string, message: string): Problem {
  return { row, column, severity: 'error', code, message: row === null ? message : `第 ${row} 行“${column}”：${message}`, sheet: table.source };
}

/** Reads the overrides tab; rows that cannot be read become problems for the office. */
export function overridesFromTable(table: RawTable): { overrides: CalendarOverrides; problems: Problem[] } {
  const overrides: CalendarOverrides = { daysOff: [], workdays: [] };
  const problems: Problem[] = [];
  const dateCol = findColumn(table.headers, DATE_HEADERS);
  const kindCol = findColumn(table.headers, KIND_HEADERS);
  for (const [col, name] of [[dateCol, '日期'], [kindCol, '类型']] as const) {
    if (col < 0) problems.push(problem(table, null, name, 'calendar_missing_column', `缺少「${name}」列（日期、类型两列，类型填“休息”或“上班”）`));
  }
  if (problems.length > 0) return { overrides, problems };
  const dateHeader = table.headers[dateCol];
  const kindHeader = table.headers[kindCol];
  for (const { row, cells } of table.rows) {
    const dateCell = cells[dateCol] ?? null;
    const kindText = cellText(cells[kindCol]).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    if (cellText(dateCell) === '' && kindText === '') continue;
    const parsed = parseDateCell(dateCell, { referenceYear: null });
    if (parsed.kind !== 'date' || parsed.start !== null) {
      const reason = parsed.kind === 'invalid' ? parsed.reason : `「${cellText(dateCell)}」不是某一天`;
      problems.push(problem(table, row, dateHeader, 'calendar_bad_date', `${reason}；请写成 2026-06-01 这样的日期`));
      continue;
    }
    if (OFF_WORDS.has(kindText)) overrides.daysOff.push(parsed.due);
    else if (ON_WORDS.has(kindText)) overrides.workdays.push(parsed.due);
    else problems.push(problem(table, row, kindHeader, 'calendar_bad_kind', `类型「${cellText(cells[kindCol])}」无法识别，请填“休息”或“上班”`));
  }
  return { overrides, problems };
}
