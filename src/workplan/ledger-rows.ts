/** Plan tasks → rows in the ledger template format, ready for deadlines and statuses. */
import { LEDGER_FIELDS, type LedgerField } from '../domain/types.js';
import { parseDateCell } from '../ledger/dates.js';
import { CANONICAL_HEADERS } from '../ledger/headers.js';
import type { PlanTask } from './types.js';

/** The template's columns (sheets-templates): the 督办 loop's columns (原截止日期 …) are added by an office that wants them. */
const LOOP_FIELDS: readonly LedgerField[] = ['originalDue', 'extensions', 'closed', 'evidence', 'warning'];
const TEMPLATE_FIELDS = LEDGER_FIELDS.filter((field) => !LOOP_FIELDS.includes(field));

// The status a freshly imported task starts with.
const INITIAL_STATUS = '未开始';

/** One task's ledger cells by field (id left blank: the place it goes numbers it). */
export function taskCells(task: PlanTask): Record<LedgerField, string> {
  return {
    id: '',
    category: task.category,
    title: task.title,
    lead: task.lead.join('、'),
    assist: task.assist.join('、'),
    start: '',
    due: dueCell(task),
    status: INITIAL_STATUS,
    progress: '',
    note: '',
    updated: '',
    detail: task.detail,
    leader: task.leader.join('、'),
    originalDue: '',
    extensions: '',
    closed: '',
    evidence: '',
    warning: '',
  };
}

/** Header row, then one row per task: ids 1..N, units joined with 、, status 未开始, the deadline the task names. */
export function planToLedgerRows(tasks: readonly PlanTask[]): string[][] {
  const header = TEMPLATE_FIELDS.map((field) => CANONICAL_HEADERS[field]);
  const rows = tasks.map((task, i) => {
    const cells = { ...taskCells(task), id: String(i + 1) };
    return TEMPLATE_FIELDS.map((field) => cells[field]);
  });
  return [header, ...rows];
}

/** The 截止日期 cell: the date; else words the ledger reads ("长期坚持", "每季度末"); else blank. */
function dueCell(task: PlanTask): string {
  if (task.due) return task.due;
  if (!task.dueText) return '';
  const kind = parseDateCell(task.dueText, { referenceYear: null }).kind;
  return kind === 'ongoing' || kind === 'recurring' ? task.dueText : '';
}
