/** A plan that is a task table (分解表): an XLSX workbook (every tab, merged cells marked) or a CSV file. */
import { parseCsvText } from '../ledger/csv.js';
import { cellText } from '../ledger/text.js';
import { loadXlsxWorkbook } from '../ledger/xlsx-workbook.js';
import type { PlanDocument, PlanTable, TableCell } from './types.js';

/** The workbook's tabs as tables, in order; a tab's rows are named by their sheet row numbers. */
export async function readXlsxPlan(bytes: Buffer): Promise<PlanDocument> {
  const book = await loadXlsxWorkbook(bytes);
  const blocks = book.sheetNames.map((name): PlanTable => {
    const rows = (book.mergedRows(name) ?? []).map((row) => row.map((cell): TableCell => ({ text: cellText(cell.value), ...(cell.merged ? { merged: cell.merged } : {}) })));
    return sheetTable(rows, book.sheetNames.length > 1 ? `工作表“${name}”` : '', true);
  });
  return { blocks, unit: '行' };
}

/** A CSV file as one table (its merged cells are blanks: a CSV cannot tell them from empty cells). */
export function csvPlan(text: string): PlanDocument {
  const rows = parseCsvText(text).rows.map((row) => row.map((text): TableCell => ({ text: text.trim() })));
  return { blocks: [sheetTable(rows, '', false)], unit: '行' };
}

function sheetTable(rows: TableCell[][], label: string, mergesKnown: boolean): PlanTable {
  const numbers = rows.map((_, i) => i + 1);
  return { kind: 'table', rows, rowNumbers: numbers, rowLines: numbers, label, mergesKnown };
}
