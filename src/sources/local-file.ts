/**
 * A ledger in a local CSV or XLSX file, read through the ledger reader (src/ledger). Units: the `units` option
 * (a file path, or a tab of the workbook), else units.csv beside the ledger, else a units tab in the XLSX.
 * Revision = mtime + size. Write-back and appended rows keep the file's encoding and replace it atomically. Another
 * tab (readTab) is a sheet of the XLSX, or for a CSV ledger the file `<name>.csv` beside it (a CSV has no tabs).
 */
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RawTable } from '../domain/types.js';
import { readLocalFile } from '../ledger/local-file.js';
import { readLocalTab, readLocalTable, readLocalWorkbook } from '../ledger/read-local.js';
import type { Logger } from '../log/logger.js';
import { createUpdater } from './apply-update.js';
import { isTableFile } from './location.js';
import { createAppender } from './apply-append.js';
import { csvDocument, writeCsvAppend, writeCsvPlan, type CsvDocument } from './csv-write-back.js';
import type { LedgerRead, LedgerSource } from './source.js';
import { writeXlsxAppend, writeXlsxPlan } from './xlsx-write-back.js';

export interface LocalFileOptions {
  path: string;
  /** A units file path, or the name of a units tab in the workbook. */
  units?: string;
  /** The ledger tab of an XLSX (default: the first tab that is not a units tab). */
  sheet?: string;
  logger: Logger;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The tab name inside a table source "path [tab]" that readLocalWorkbook gives XLSX tables. */
function tabOf(table: RawTable, path: string): string {
  return table.source.slice(path.length + 2, -1);
}

/** Opens a local CSV/XLSX ledger. */
export function localFileSource(options: LocalFileOptions): LedgerSource {
  const { path } = options;
  const unitsIsFile = options.units !== undefined && isTableFile(options.units);
  const unitsTab = options.units !== undefined && !unitsIsFile ? options.units : undefined;

  const readUnits = async (bookUnits: RawTable | null): Promise<RawTable | null> => {
    if (unitsIsFile) return readLocalTable(options.units!);
    if (unitsTab) return bookUnits;
    const beside = join(dirname(path), 'units.csv');
    if (bookUnits === null && (await exists(beside))) return readLocalTable(beside);
    return bookUnits;
  };

  // Reads the file as it is now and writes the plan back in the same format.
  let pending: { kind: 'csv'; doc: CsvDocument } | { kind: 'xlsx'; bytes: Buffer; tab: string } | null = null;

  const readForWrite = async (): Promise<RawTable> => {
    const file = await readLocalFile(path);
    if (file.format === 'text') {
      const doc = csvDocument(path, file.text, file.encoding);
      pending = { kind: 'csv', doc };
      return doc.table;
    }
    const { ledger } = await readLocalWorkbook(path, { sheet: options.sheet, unitsSheet: unitsTab });
    pending = { kind: 'xlsx', bytes: file.bytes, tab: tabOf(ledger, path) };
    return ledger;
  };

  // A file that cannot be stat'ed has no revision: the read that follows reports why (LedgerReadError).
  const revision = async (): Promise<string | null> => {
    const info = await stat(path).catch(() => null);
    return info ? `${info.mtimeMs}-${info.size}` : null;
  };

  return {
    location: path,
    revision,
    async read(): Promise<LedgerRead> {
      const rev = await revision();
      const book = await readLocalWorkbook(path, { sheet: options.sheet, unitsSheet: unitsTab });
      return { ledger: book.ledger, units: await readUnits(book.units), revision: rev };
    },
    readTab: (name) => readLocalTab(path, name),
    updateTask: createUpdater({
      location: path,
      logger: options.logger,
      readLedger: () => readForWrite(),
      async writeCells(plan) {
        if (pending?.kind === 'csv') await writeCsvPlan(pending.doc, plan);
        else if (pending?.kind === 'xlsx') await writeXlsxPlan(path, pending.bytes, pending.tab, plan);
      },
    }),
    appendRows: createAppender({
      location: path,
      logger: options.logger,
      readLedger: () => readForWrite(),
      async writeRows(plan) {
        if (pending?.kind === 'csv') await writeCsvAppend(pending.doc, plan);
        else if (pending?.kind === 'xlsx') await writeXlsxAppend(path, pending.bytes, pending.tab, plan);
      },
    }),
  };
}
