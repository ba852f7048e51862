/**
 * The writes of a local CSV/XLSX ledger (local-file.ts): updates and appended rows, and the column rules of an XLSX.
 * Imported by local-file.ts on the first write, so a read-only command never loads the write-back modules.
 */
import type { RawTable } from '../domain/types.js';
import { readLocalFile } from '../ledger/local-file.js';
import { ledgerOfFile, type LedgerSheet } from '../ledger/read-local.js';
import type { Logger } from '../log/logger.js';
import { createAppender } from './apply-append.js';
import { createUpdater } from './apply-update.js';
import { replaceIfUnchanged } from './atomic-write.js';
import { csvAppendBytes, csvBytes, csvDocument, type CsvDocument } from './csv-write-back.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import type { LedgerSource } from './source.js';
import { xlsxAppendBytes, xlsxBytes, xlsxRules } from './xlsx-write-back.js';

export interface LocalFileWriteOptions {
  path: string;
  logger: Logger;
  /** The ledger and units tabs of an XLSX, as the reads pick them. */
  book: { sheet?: string; unitsSheet?: string };
  lock?: FileLockOptions;
}

export type LocalFileWrites = Required<Pick<LedgerSource, 'updateTask' | 'appendRows' | 'columnRules'>>;

/** The file as read for a write: its bytes, and the CSV document or the loaded workbook to change. */
type Pending = { bytes: Buffer } & ({ kind: 'csv'; doc: CsvDocument } | { kind: 'xlsx'; sheet: LedgerSheet });

/** Updates, appends and column rules of the local ledger at `path`. */
export function localFileWrites({ path, logger, book, lock }: LocalFileWriteOptions): LocalFileWrites {
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
    logger,
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
    async columnRules(table, columns) {
      const { pending: file } = await readForWrite();
      return file.kind === 'xlsx' ? xlsxRules(file.sheet, table.rows.map((r) => r.row), columns) : new Map();
    },
    updateTask: createUpdater({
      location: path,
      logger,
      exclusive: (work) => withFileLock(path, work, lock),
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
    appendRows: (rows) => withFileLock(path, () => appender(rows), lock),
  };
}
