/**
 * Feishu Sheets dropdown lists (下拉列表, v2 dataValidation) as column rules (pure): each list names the ranges it
 * covers, grouped by column ("4d30c6!A1:A2"), and its words (conditionValues).
 */
import { colIndexOf } from './a1.js';
import type { ColumnRule } from './source.js';

/** One dropdown list as the dataValidation query returns it. */
export interface Dropdown {
  ranges?: string[] | null;
  dataValidationType?: string;
  conditionValues?: string[] | null;
}

/** Column index → the words of the lists covering it on this sheet (several lists: their words together). */
export function rulesOfDropdowns(dropdowns: readonly Dropdown[], sheetId: string): Map<number, ColumnRule> {
  const rules = new Map<number, ColumnRule>();
  for (const dropdown of dropdowns) {
    if (dropdown.dataValidationType && dropdown.dataValidationType !== 'list') continue;
    const words = (dropdown.conditionValues ?? []).map((w) => String(w).trim()).filter(Boolean);
    for (const range of dropdown.ranges ?? []) {
      const [sheet, cells = ''] = range.split('!');
      const columns = /^([A-Z]+)\d*(?::([A-Z]+)\d*)?$/.exec(cells);
      if (sheet !== sheetId || !columns) continue;
      for (let c = colIndexOf(columns[1]); c <= colIndexOf(columns[2] ?? columns[1]); c++) {
        const rule = rules.get(c);
        // A multi-value list is written one word at a time, as a plain string, like a single one.
        rules.set(c, { takes: 'choice', options: [...new Set([...(rule?.options ?? []), ...words])], label: '下拉列表' });
      }
    }
  }
  return rules;
}
