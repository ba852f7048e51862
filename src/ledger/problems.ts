/** Building and summarising ledger problems (表格体检). */
import type { Problem, Severity } from '../domain/types.js';

/** Codes of the problems the ledger check reports (Problem.code). */
export type ProblemCode =
  | 'no_header' | 'missing_column' | 'duplicate_column' | 'no_tasks' | 'csv_quotes'
  | 'missing_title' | 'missing_lead' | 'missing_due' | 'missing_id' | 'duplicate_id'
  | 'bad_date' | 'due_before_start' | 'bad_updated' | 'bad_extensions'
  | 'unknown_status' | 'bad_progress' | 'progress_out_of_range' | 'done_below_100'
  | 'unknown_unit' | 'ambiguous_unit' | 'filled_down'
  | 'formula_text' | 'formula_error' | 'overlong_cell'
  | 'mixed_status_words' | 'unmapped_option' | 'missing_option' | 'duplicate_options' | 'missing_original_due'
  | 'csv_delimiter' | 'mixed_encoding' | 'nul_bytes' | 'no_liaison';

/**
 * One problem; `row` is the sheet row as the user sees it, `column` the header as the user wrote it. A row
 * problem's message starts with its place (第 5 行“截止日期”：…) so it reads on its own in a chat message.
 */
export function problem(row: number | null, column: string, severity: Severity, code: ProblemCode, message: string): Problem {
  const place = row === null ? '' : column === '' ? `第 ${row} 行：` : `第 ${row} 行“${column}”：`;
  return { row, column, severity, code, message: place + message };
}

/** True when any problem is an error (the ledger needs fixing; `duban validate` exits 1). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
