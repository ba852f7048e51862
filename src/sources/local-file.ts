/**
 * A ledger in a local CSV or XLSX file, read through the ledger reader (src/ledger). Units: the `units` option
 * (a file path, or a tab of the workbook), else units.csv beside the ledger, else a units tab in the XLSX.
 * Revision = mtime + size. Write-back and appended rows hold a lock file beside the ledger across processes, keep
 * the file's encoding, and replace the file atomically only if it still holds the bytes the change was planned from. Another
 * tab (readTab) is a sheet of the XLSX, or for a CSV ledger the file `<name>.csv` beside it (a CSV has no tabs).
 */
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RawTable } from '../domain/types.js';
import { readLocalFile } from '../ledger/local-file.js';
import { ledgerOfFile, readLocalTab, readLocalTable, readLocalWorkbook, type LedgerSheet } from '../ledger/read-local.js';
import type { Logger } from '../log/logger.js';
import { createAppender } from './apply-append.js';
import { createUpdater } from './apply-update.js';
import { replaceIfUnchanged } from './atomic-write.js';
import { csvAppendBytes, csvBytes, csvDocument, type CsvDocument } from './csv-write-back.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { isTableFile } from './location.js';
import type { LedgerRead, LedgerSource } from './source.js';
import { xlsxAppendBytes, xlsxBytes, xlsxRules } from './xlsx-write-back.js';

export interface LocalFileOptions {
  path: string;
  /** A units file path, or the name of a units tab in the workbook. */
  units?: string;
  /** The ledger tab of an XLSX (default: the first tab that is not a units tab). */
  sheet?: string;
  logger: Logger;
  /** How long to wait for another process's write, and when its lock counts as stale. */
  lock?: FileLockOptions;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The file as read for a write: its bytes, and the CSV document or the loaded workbook to change. */
type Pending = { bytes: Buffer } & ({ kind: 'csv'; doc: CsvDocument } | { kind: 'xlsx'; sheet: LedgerSheet });

/** Opens a local CSV/XLSX ledger. */
export function localFileSource(options: LocalFileOptions): LedgerSource {
  const { path } = options;
  const unitsIsFile = options.units !== undefined && isTableFile(options.units);
  const unitsTab = options.units !== undefined && !unitsIsFile ? options.units : undefined;
  const book = { sheet: options.sheet, unitsSheet: unitsTab };

  const readUnits = async (bookUnits: RawTable | null): Promise<RawTable | null> => {
    if (unitsIsFile) return readLocalTable(options.units!);
    if (unitsTab) return bookUnits;
    const beside = join(dirname(path), 'units.csv');
    if (bookUnits === null && (await exists(beside))) return readLocalTable(beside);
    return bookUnits;
  };

  // A file that cannot be stat'ed has no revision: the read that follows reports why (LedgerReadError).
  const revision = async (): Promise<string | null> => {
    const info = await stat(path).catch(() => null);
    return info ? `${info.mtimeMs}-${info.size}` : null;
  };

  // Reads the file once: the table comes from the very bytes a write then checks are unchanged.
  const readForWrite = async (): Promise<{ table: RawTable; pending: Pending }> => {
    const file = await readLocalFile(path);
    if (file.format === 'text') {
      const doc = csvDocument(path, file.text, file.encoding);
      return { table: doc.table, pending: { kind: 'csv', doc, bytes: file.bytes } };
    }
    const { ledger, sheet } = await ledgerOfFile(path, file, book);
    return { table: ledger, pending: { kind: 'xlsx', sheet: sheet!, bytes: file.bytes } };
  };

  let pending: Pending | null = null;
  const appender = createAppender({
    location: path,
    logger: options.logger,
    async readLedger() {
      const read = await readForWrite();
      pending = read.pending;
      return read.table;
    },
    async writeRows(plan) {
      const file = pending!;
      const bytes = file.kind === 'csv' ? csvAppendBytes(file.doc, plan) : await xlsxAppendBytes(file.sheet, plan);
      await replaceIfUnchanged(path, file.bytes, bytes);
    },
  });
  return {
    location: path,
    revision,
    async read(): Promise<LedgerRead> {
      const rev = await revision();
      const read = await readLocalWorkbook(path, book);
      return { ledger: read.ledger, units: await readUnits(read.units), revision: rev };
    },
    readTab: (name) => readLocalTab(path, name),
    async columnRules(table, columns) {
      const { pending: file } = await readForWrite();
      return file.kind === 'xlsx' ? xlsxRules(file.sheet, table.rows.map((r) => r.row), columns) : new Map();
    },
    updateTask: createUpdater({
      location: path,
      logger: options.logger,
      exclusive: (work) => withFileLock(path, work, options.lock),
      async readLedger() {
        const read = await readForWrite();
        pending = read.pending;
        return read.table;
      },
      async rulesFor(table, rowIndex) {
        if (pending?.kind !== 'xlsx') return new Map();
        return xlsxRules(pending.sheet, [table.rows[rowIndex].row], table.headers.map((_, i) => i));
      },
      async writeCells(plan) {
        const file = pending!;
        const bytes = file.kind === 'csv' ? csvBytes(file.doc, plan) : await xlsxBytes(file.sheet, plan);
        await replaceIfUnchanged(path, file.bytes, bytes);
      },
    }),
    appendRows: (rows) => withFileLock(path, () => appender(rows), options.lock),
  };
}
