/**
 * Local ledger files (CSV in any of Excel's encodings, or XLSX) to RawTables. Unusable files (missing,
 * empty, binary, legacy .xls, a sheet that is not there) throw LedgerReadError; a readable file without a
 * recognisable header still gives a table, and the ledger check reports what is missing.
 */
import { dirname, join } from 'node:path';
import type { Cell, Problem, RawTable } from '../domain/types.js';
import { normalizeHeader } from './header-text.js';
import { parseCsvText } from './csv.js';
import { matchHeader } from './headers.js';
import { emptyFile, readLocalFile, type LocalFile, type TextFile } from './local-file.js';
import { problem } from './problems.js';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS, tooManyCells, tooManyRows } from './limits.js';
import { LedgerReadError } from './read-error.js';
import { hasHeaderRow, tableFromRows } from './header-row.js';
import type { XlsxBook } from './xlsx.js';
import type { XlsxWorkbook } from './xlsx-workbook.js';

export { LedgerReadError } from './read-error.js';


/** Tab names that hold the unit directory (compared through normalizeHeader). */
const UNITS_SHEET_NAMES = ['单位', '单位通讯录', '联络员', '通讯录', 'units'];
const UNITS_SHEETS = new Set(UNITS_SHEET_NAMES.map(normalizeHeader));
// Headers of the unit directory, only to find its header row below a title row.
const UNIT_HEADERS = new Set(['单位', '单位名称', '别名', '联络员', '联络员账号', '工作群', '分管领导', 'unit', 'aliases', 'liaison', 'chat'].map(normalizeHeader));
const isLedgerHeader = (text: string): boolean => matchHeader(text) !== null;
const isUnitHeader = (text: string): boolean => UNIT_HEADERS.has(normalizeHeader(text));
// A tab of unknown content: its header is its first non-blank row.
const noKnownHeader = (): boolean => false;

/** Reads the ledger table of a CSV or XLSX file (`opts.sheet`, else the first tab with a ledger header row). */
export async function readLocalTable(path: string, opts: { sheet?: string } = {}): Promise<RawTable> {
  return (await readLocalWorkbook(path, opts)).ledger;
}

/** Reads a unit directory file (units.csv, or an XLSX's first or named sheet), its header found below any title rows. */
export async function readLocalUnits(path: string, opts: { sheet?: string } = {}): Promise<RawTable> {
  const file = await readLocalFile(path);
  if (file.format === 'text') return csvTable(path, file, isUnitHeader);
  const book = await loadBook(path, file.bytes);
  const sheet = opts.sheet ?? book.sheetNames[0];
  return sheetTable(path, book, sheet, isUnitHeader);
}

/**
 * The tab holding the ledger when none is named: the first tab (not a unit directory) with a ledger header row,
 * so a 填报说明 tab in front is skipped; else the first tab that is not a unit directory.
 */
function findLedgerSheet(book: XlsxBook): string | undefined {
  const candidates = book.sheetNames.filter((name) => !UNITS_SHEETS.has(normalizeHeader(name)));
  return candidates.find((name) => hasHeaderRow(book.sheetRows(name) ?? [], isLedgerHeader)) ?? candidates[0] ?? book.sheetNames[0];
}

/** Reads the ledger and, from an XLSX, its unit-directory tab (`opts.unitsSheet`, or a tab named like 单位通讯录). */
export async function readLocalWorkbook(
  path: string,
  opts: { sheet?: string; unitsSheet?: string } = {},
): Promise<{ ledger: RawTable; units: RawTable | null }> {
  const file = await readLocalFile(path);
  if (file.format === 'text') return { ledger: csvTable(path, file, isLedgerHeader), units: null };
  return bookTables(path, await loadBook(path, file.bytes), opts);
}

/** The ledger of an XLSX workbook loaded whole for a write-back: the tab it is on and the workbook itself. */
export interface LedgerSheet {
  book: XlsxWorkbook;
  name: string;
}

/**
 * The ledger (and units tab) of a file already read, for a write-back: an XLSX is loaded whole (its cells are changed
 * and it is saved), and comes back with the sheet the ledger is on.
 */
export async function ledgerOfFile(
  path: string,
  file: LocalFile,
  opts: { sheet?: string; unitsSheet?: string } = {},
): Promise<{ ledger: RawTable; units: RawTable | null; sheet?: LedgerSheet }> {
  if (file.format === 'text') return { ledger: csvTable(path, file, isLedgerHeader), units: null };
  const book = await loadWorkbook(path, file.bytes);
  const tables = bookTables(path, book, opts);
  return { ...tables, sheet: { book, name: tables.sheet } };
}

/** The ledger tab (`opts.sheet`, else found by its header row) and the units tab of a workbook. */
function bookTables(path: string, book: XlsxBook, opts: { sheet?: string; unitsSheet?: string }): { ledger: RawTable; units: RawTable | null; sheet: string } {
  const ledgerSheet = opts.sheet ?? findLedgerSheet(book);
  const unitsSheet = opts.unitsSheet ?? book.sheetNames.find((name) => name !== ledgerSheet && UNITS_SHEETS.has(normalizeHeader(name)));
  const ledger = sheetTable(path, book, ledgerSheet, isLedgerHeader);
  const units = unitsSheet === undefined ? null : sheetTable(path, book, unitsSheet, isUnitHeader);
  return { ledger, units, sheet: ledgerSheet! };
}

/**
 * Another tab of a local ledger by name, its header the first non-blank row: the XLSX sheet `name`, or beside a
 * CSV ledger the file `<name>.csv`; null when there is no such sheet or file.
 */
export async function readLocalTab(ledgerPath: string, name: string): Promise<RawTable | null> {
  const file = await readLocalFile(ledgerPath);
  if (file.format === 'xlsx') {
    const book = await loadBook(ledgerPath, file.bytes);
    return book.sheetNames.includes(name) ? sheetTable(ledgerPath, book, name, noKnownHeader) : null;
  }
  const beside = join(dirname(ledgerPath), `${name}.csv`);
  const tab = await readLocalFile(beside).catch((error: unknown) => {
    if (error instanceof LedgerReadError && error.problem === 'not_found') return null;
    throw error;
  });
  if (tab === null) return null;
  if (tab.format === 'xlsx') {
    const besideBook = await loadBook(beside, tab.bytes);
    return sheetTable(beside, besideBook, besideBook.sheetNames[0], noKnownHeader);
  }
  return csvTable(beside, tab, noKnownHeader);
}

function csvTable(path: string, file: TextFile, isHeader: (text: string) => boolean): RawTable {
  const csv = parseCsvText(file.utf8, { rows: MAX_SHEET_ROWS, cells: MAX_SHEET_CELLS });
  if (csv.rows.length > MAX_SHEET_ROWS) throw tooManyRows(path);
  if (csv.rows.reduce((n, row) => n + row.length, 0) > MAX_SHEET_CELLS) throw tooManyCells(path);
  const table = tableFromRows(path, csv.rows, isHeader);
  if (table.headers.length === 0) throw emptyFile(path);
  const problems = [...file.problems];
  if (csv.delimiterNote) problems.push(problem(null, '', 'warning', 'csv_delimiter', `文件 ${path}：${csv.delimiterNote}`));
  if (csv.warnings.length > 0) problems.push(quoteProblem());
  if (problems.length > 0) table.readProblems = problems;
  return table;
}

function sheetTable(path: string, book: XlsxBook, sheet: string | undefined, isHeader: (text: string) => boolean): RawTable {
  const source = `${path} [${sheet ?? ''}]`;
  const table = tableFromRows(source, sheetRows(path, book, sheet), isHeader);
  if (table.headers.length === 0) throw emptyFile(source);
  return table;
}

function quoteProblem(): Problem {
  return problem(null, '', 'warning', 'csv_quotes', 'CSV 文件中的英文双引号 " 不配对，已尽量读取；请核对含双引号或换行的单元格，或在 Excel/WPS 中重新另存为 CSV');
}

// The XLSX readers (and the stream module they need) are loaded for workbooks only: most ledgers here are CSV.
async function loadBook(path: string, bytes: Buffer): Promise<XlsxBook> {
  return openWorkbook(path, async () => (await import('./xlsx.js')).readXlsx(bytes, path));
}

async function loadWorkbook(path: string, bytes: Buffer): Promise<XlsxWorkbook> {
  return openWorkbook(path, async () => (await import('./xlsx-workbook.js')).loadXlsxWorkbook(bytes));
}

/** Runs a workbook loader; a file it cannot read is a LedgerReadError saying so (a sheet over the limits says that). */
async function openWorkbook<T>(path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof LedgerReadError) throw error;
    throw new LedgerReadError('bad_xlsx', path, `文件 ${path} 不是可读取的 XLSX 工作簿（可能已损坏），请在 Excel/WPS 中重新保存`,
      `${path} looks like a ZIP but is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
}

function sheetRows(path: string, book: XlsxBook, name: string | undefined): Cell[][] {
  const rows = name === undefined ? null : book.sheetRows(name);
  if (rows) return rows;
  const names = book.sheetNames.join('、') || '（无）';
  throw new LedgerReadError('no_sheet', path, `文件 ${path} 中没有工作表「${name ?? ''}」，现有工作表：${names}`,
    `Sheet "${name ?? ''}" not found in ${path} (sheets: ${book.sheetNames.join(', ')}); fix the sheet/units setting`);
}
