/** Plan tasks → rows in the ledger template format, ready for deadlines and statuses. */
import { TEMPLATE_FIELDS } from '../domain/types.js';
import { CANONICAL_HEADERS } from '../ledger/headers.js';
import type { PlanImport } from './types.js';

// The status a freshly imported task starts with.
const INITIAL_STATUS = '未开始';

/** Header row, then one row per task: ids 1..N, units joined with 、, status 未开始, the deadline the task names (else blank). */
export function planToLedgerRows(plan: PlanImport): string[][] {
  const header = TEMPLATE_FIELDS.map((field) => CANONICAL_HEADERS[field]);
  const rows = plan.tasks.map((task, i) => {
    const cells: Record<(typeof TEMPLATE_FIELDS)[number], string> = {
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
    return TEMPLATE_FIELDS.map((field) => cells[field]);
  });
  return [header, ...rows];
}
