/** Plan tasks → rows in the ledger template format, ready for deadlines and statuses. */
import { LEDGER_FIELDS, type LedgerField } from '../domain/types.js';
import { CANONICAL_HEADERS } from '../ledger/headers.js';
import type { PlanImport } from './types.js';

const OPTIONAL_COLUMNS: ReadonlySet<LedgerField> = new Set(['originalDue', 'extensions', 'closed', 'warning']);

// The status a freshly imported task starts with.
const INITIAL_STATUS = '未开始';

/** Header row, then one row per task: ids 1..N, units joined with 、, status 未开始, the deadline the task names (else blank). */
export function planToLedgerRows(plan: PlanImport): string[][] {
  // The template's columns a new ledger starts with; the optional ones (原截止日期 …) are added when needed.
  const fields = LEDGER_FIELDS.filter((field) => !OPTIONAL_COLUMNS.has(field));
  const header = fields.map((field) => CANONICAL_HEADERS[field]);
  const rows = plan.tasks.map((task, i) => {
    const cells: Partial<Record<LedgerField, string>> = {
      id: String(i + 1),
      category: task.category,
      title: task.title,
      lead: task.lead.join('、'),
      assist: task.assist.join('、'),
      start: '',
      due: task.due ?? '',
      status: INITIAL_STATUS,
      progress: '',
      note: '',
      updated: '',
    };
    return fields.map((field) => cells[field] ?? '');
  });
  return [header, ...rows];
}
