/**
 * Google Sheets dropdowns (data validation) as column rules (pure): spreadsheets.get with includeGridData and a
 * fields mask returns each cell's `dataValidation`; a ONE_OF_LIST rule lists its words, a ONE_OF_RANGE rule names
 * the cells that hold them ("=选项!A1:A5"), which the caller reads.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { cellText } from '../ledger/text.js';
import type { Cell } from '../domain/types.js';
import type { ColumnRule } from './source.js';

/** The fields mask that asks only for what is needed: where each block starts and each cell's validation rule. */
export const VALIDATION_FIELDS = 'sheets(data(startRow,startColumn,rowData(values(dataValidation))))';

/** Each validated cell's column (0-based) and its rule, from a spreadsheets.get answer (one tab). */
export function validationsOf(sheet: sheets_v4.Schema$Sheet | undefined): { column: number; rule: sheets_v4.Schema$DataValidationRule }[] {
  const found: { column: number; rule: sheets_v4.Schema$DataValidationRule }[] = [];
  for (const block of sheet?.data ?? []) {
    // proto3 JSON leaves out zero values: a block starting at A1 has no startRow / startColumn.
    const left = block.startColumn ?? 0;
    for (const row of block.rowData ?? []) {
      (row.values ?? []).forEach((cell, i) => {
        if (cell.dataValidation) found.push({ column: left + i, rule: cell.dataValidation });
      });
    }
  }
  return found;
}

/** The range a ONE_OF_RANGE rule takes its words from ("选项!A1:A5"), or null for other rules. */
export function rangeOf(rule: sheets_v4.Schema$DataValidationRule): string | null {
  if (rule.condition?.type !== 'ONE_OF_RANGE') return null;
  return rule.condition.values?.[0]?.userEnteredValue?.replace(/^=/, '') ?? null;
}

/**
 * The column rules of validated cells: a list's words, or a range's words from `ranges` (what the caller read for
 * each `rangeOf`). Other rules (numbers, dates, checkboxes) constrain nothing duban writes as words.
 */
export function rulesOfValidations(
  found: { column: number; rule: sheets_v4.Schema$DataValidationRule }[],
  ranges: ReadonlyMap<string, Cell[][]>,
): Map<number, ColumnRule> {
  const options = new Map<number, Set<string>>();
  for (const { column, rule } of found) {
    const range = rangeOf(rule);
    const words =
      rule.condition?.type === 'ONE_OF_LIST'
        ? (rule.condition.values ?? []).map((v) => v.userEnteredValue ?? '')
        : range !== null
          ? (ranges.get(range) ?? []).flat().map(cellText)
          : [];
    const set = options.get(column) ?? new Set<string>();
    for (const word of words) if (word.trim()) set.add(word.trim());
    if (set.size > 0) options.set(column, set);
  }
  return new Map([...options].map(([column, set]) => [column, { takes: 'choice', options: [...set], label: '下拉列表' }]));
}
