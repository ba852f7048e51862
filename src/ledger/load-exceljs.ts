/** exceljs takes ~150 ms to load: it is imported only when an XLSX file is actually read or written. */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** The exceljs module, loaded on first use. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => (module.default ?? module) as typeof ExcelJS);
  return loading;
}
