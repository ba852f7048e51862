/** One ledger row to a Task (units as written; ids and unit names are settled for the whole ledger later). */
import type { Cell, IsoDate, LedgerField, Problem, Task, TaskState } from '../domain/types.js';
import type { ColumnMap } from './columns.js';
import type { DateParse } from './dates.js';
import type { LedgerRow } from './ledger-rows.js';
import { problem, type ProblemCode } from './problems.js';
import { parseProgress } from './progress.js';
import { nextRecurringDue } from './recurring.js';
import type { RowDates } from './row-dates.js';
import { parseStatus } from './status.js';
import type { UnitRoles } from './unit-roles.js';

/** What every row is parsed with: the columns, the date of the run, and memos shared by all rows. */
export interface RowContext {
  columns: ColumnMap;
  today: IsoDate | null;
  /** unitRoles, remembered per cell text (a ledger names the same units on many rows). */
  units: (cell: string) => UnitRoles;
}

/** Builds the task of one row and reports what is wrong with its cells. */
export function parseTaskRow(r: LedgerRow, dates: RowDates, ctx: RowContext, problems: Problem[]): Task {
  const { columns, today } = ctx;
  const report = (field: LedgerField, severity: 'error' | 'warning', code: ProblemCode, message: string): void => {
    if (columns.index[field] !== undefined && !r.setAside?.includes(field)) {
      problems.push(problem(r.row, columns.header[field], severity, code, message));
    }
  };
  const title = r.cells.title === null ? '' : r.raw.title;
  if (title === '') report('title', 'error', 'missing_title', '这一行有内容但没有任务名称：请填写；如是上一任务的续行，请合并到上一行');
  // "区发改委牵头，区财政局配合" in the 责任单位 cell: the units marked 配合 assist.
  const leadCell = r.cells.lead === null ? { lead: [], assist: [], strong: false } : ctx.units(r.raw.lead);
  const lead = leadCell.lead;
  if (lead.length === 0) report('lead', 'error', 'missing_lead', '为空：请填写牵头/责任单位（多个单位用“、”分隔）');

  const due = dates.due;
  if (due.kind === 'invalid') report('due', 'error', 'bad_date', due.reason);
  if (due.kind === 'empty') report('due', 'warning', 'missing_due', '为空：请填写完成时限（如 2022-06-30），没有期限的写“长期坚持”');
  const start = startDate(dates.start, (reason) => report('start', 'error', 'bad_date', reason));
  const dueDate = due.kind === 'date' ? due.due : null;
  const taskStart = start ?? (due.kind === 'date' ? due.start : null);
  if (start && dueDate && dueDate < start) {
    report('due', 'error', 'due_before_start', `截止日期 ${dueDate} 早于开始日期 ${start}：请核对两个日期`);
  }
  const recurring = due.kind === 'recurring' ? due.text : null;
  const updated = dates.updated.kind === 'date' ? dates.updated.due : null;
  if (dates.updated.kind === 'invalid') report('updated', 'warning', 'bad_updated', dates.updated.reason);
  const originalDue = dayOf(dates.originalDue, (reason) => report('originalDue', 'warning', 'bad_date', reason));
  const closed = dayOf(dates.closed, (reason) => report('closed', 'warning', 'bad_date', reason));
  const extensions = extensionCount(r.cells.extensions, (reason) => report('extensions', 'warning', 'bad_extensions', reason));

  const progress = parseProgress(r.cells.progress);
  if (progress.reason === 'unreadable') report('progress', 'warning', 'bad_progress', `无法识别进度「${r.raw.progress}」：请写百分比，如 60%`);
  if (progress.reason === 'out_of_range') report('progress', 'warning', 'progress_out_of_range', `进度「${r.raw.progress}」不在 0%–100% 之间：请改正`);
  const status = parseStatus(r.cells.status === null ? '' : r.raw.status);
  // An unknown word counts as not started: the task keeps being reminded until someone writes a known word.
  if (status === null) {
    report('status', 'warning', 'unknown_status', `无法识别状态「${r.raw.status}」，暂按“未开始”处理；请改用 未开始、进行中、已完成、暂缓 或 已延期`);
  }
  const state = status === null ? 'not_started' : r.raw.status === '' ? stateFromProgress(progress.value) : status.state;
  if (state === 'done' && progress.value !== null && progress.value < 100) {
    report('progress', 'warning', 'done_below_100', `状态为已完成，但进度只有 ${progress.value}%：请把进度改为 100% 或核对状态`);
  }
  return {
    id: r.raw.id, row: r.row, category: r.raw.category, title, lead,
    assist: assistUnits(leadCell, r.cells.assist === null ? null : ctx.units(r.raw.assist)),
    start: taskStart, due: recurring !== null && today !== null ? nextRecurringDue(recurring, today) : dueDate,
    ongoing: due.kind === 'ongoing', recurring, status: state, extended: status?.extended ?? false,
    progress: progress.value, note: r.raw.note, updated, originalDue, closed, extensions, raw: r.raw,
  };
}

// The 协助单位 cell's units (whatever role words they carry), after those the 责任单位 cell marks as assisting.
function assistUnits(leadCell: UnitRoles, assistCell: UnitRoles | null): string[] {
  const names: string[] = [];
  for (const list of assistCell ? [leadCell.assist, assistCell.lead, assistCell.assist] : [leadCell.assist]) {
    for (const name of list) if (!names.includes(name) && !leadCell.lead.includes(name)) names.push(name);
  }
  return names;
}

// A start cell is a day: a window ("2022年1月") starts on its first day.
function startDate(parse: DateParse, reportInvalid: (reason: string) => void): IsoDate | null {
  if (parse.kind === 'date') return parse.start ?? parse.due;
  if (parse.kind === 'invalid') reportInvalid(parse.reason);
  else if (parse.kind !== 'empty') reportInvalid('开始日期应是具体日期（如 2022-01-01）');
  return null;
}

// 原截止日期 and 办结时间 are days: a window or a recurring text there is a mistake to report.
function dayOf(parse: DateParse, reportInvalid: (reason: string) => void): IsoDate | null {
  if (parse.kind === 'date') return parse.due;
  if (parse.kind === 'invalid') reportInvalid(parse.reason);
  else if (parse.kind !== 'empty') reportInvalid('应是具体日期（如 2022-06-30）');
  return null;
}

// 延期次数 is a whole number ("2", "2次"); anything else is reported and read as unknown.
function extensionCount(cell: Cell, reportInvalid: (reason: string) => void): number | null {
  if (cell === null || cell === '') return null;
  const text = String(cell).trim().replace(/次$/, '');
  if (/^\d{1,3}$/.test(text)) return Number(text);
  reportInvalid(`延期次数「${String(cell)}」应是整数，如 1`);
  return null;
}

// Without a status word, a filled-in progress says how far the task is.
function stateFromProgress(progress: number | null): TaskState {
  if (progress === null || progress === 0) return 'not_started';
  return progress >= 100 ? 'done' : 'in_progress';
}
