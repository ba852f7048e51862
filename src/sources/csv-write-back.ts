/** Write-back into a local CSV file, and rows added to it: same encoding (BOM, GBK), delimiter and line endings. */
import type { RawTable } from '../domain/types.js';
import { parseCsvText } from '../ledger/csv.js';
import { formatCsvCell } from '../ledger/csv-format.js';
import { encodeText, unencodableChars, type TextEncodingName } from '../ledger/encoding.js';
import { tableFromRows } from '../ledger/header-row.js';
import { matchHeader } from '../ledger/headers.js';
import type { AppendPlan } from './append-plan.js';
import type { WritePlan } from './write-back.js';
import { WriteBackError } from './write-back-error.js';

/** A CSV file as read for a write-back: its grid (grid[0] is line/record 1) and how to write it back the same way. */
export interface CsvDocument {
  path: string;
  grid: string[][];
  table: RawTable;
  encoding: TextEncodingName;
  delimiter: string;
  eol: '\r\n' | '\n';
  finalEol: boolean;
}

/** Parses CSV text exactly as the ledger reader does, remembering the file's conventions. */
export function csvDocument(path: string, text: string, encoding: TextEncodingName): CsvDocument {
  const { rows, delimiter } = parseCsvText(text);
  // A trailing line break makes csv-parse yield no extra row; remember it to write the same ending.
  return {
    path,
    grid: rows,
    table: tableFromRows(path, rows, (h) => matchHeader(h) !== null),
    encoding,
    delimiter,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    finalEol: /\r?\n$/.test(text),
  };
}

function formatCell(value: string, delimiter: string): string {
  // formatCsvCell quotes for commas; a tab- or semicolon-separated file also needs its own delimiter quoted.
  if (delimiter !== ',' && value.includes(delimiter)) return `"${value.replace(/"/g, '""')}"`;
  return formatCsvCell(value);
}

/** The CSV text with the plan's cells replaced; every other cell keeps its value. */
export function applyPlanToCsv(doc: CsvDocument, plan: WritePlan): string {
  const grid = doc.grid.map((row) => [...row]);
  const line = grid[plan.row - 1];
  for (const cell of plan.cells) {
    while (line.length <= cell.columnIndex) line.push('');
    line[cell.columnIndex] = cell.after;
  }
  return formatGrid(doc, grid);
}

function formatGrid(doc: CsvDocument, grid: string[][]): string {
  const body = grid.map((row) => row.map((v) => formatCell(v, doc.delimiter)).join(doc.delimiter)).join(doc.eol);
  return doc.finalEol ? body + doc.eol : body;
}

/** The updated CSV in the file's own encoding; refuses, unwritten, text that encoding cannot hold. */
export function csvBytes(doc: CsvDocument, plan: WritePlan): Buffer {
  for (const cell of plan.cells) refuseUnencodable(doc, cell.column, cell.after);
  return encodeText(applyPlanToCsv(doc, plan), doc.encoding);
}

/** The CSV with the planned rows after the ledger's last row (blank lines below it stay below), in the file's own encoding. */
export function csvAppendBytes(doc: CsvDocument, plan: AppendPlan): Buffer {
  for (const row of plan.values) row.forEach((text, i) => refuseUnencodable(doc, doc.table.headers[i] ?? '', text));
  const at = plan.firstRow - 1;
  return encodeText(formatGrid(doc, [...doc.grid.slice(0, at), ...plan.values, ...doc.grid.slice(at)]), doc.encoding);
}

function refuseUnencodable(doc: CsvDocument, column: string, text: string): void {
  const lost = unencodableChars(text, doc.encoding);
  if (lost) {
    throw new WriteBackError(
      `“${column}”中的「${lost}」无法保存到 GBK 编码的 CSV 文件（${doc.path}），台账未改动；请去掉这些字符，或在 Excel/WPS 中把台账另存为 UTF-8 CSV 或 XLSX。`,
    );
  }
}
