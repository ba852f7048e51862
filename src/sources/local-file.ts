/**
 * A ledger in a local CSV or XLSX file, read through the ledger reader (src/ledger). Units: the `units` option
 * (a file path, or a tab of the workbook), else units.csv beside the ledger, else a units tab in the XLSX.
 * Revision = mtime + size. Write-back and appended rows (local-file-writes.ts) hold a lock file beside the ledger
 * across processes, keep the file's encoding, and replace the file atomically only if it still holds the bytes the
 * change was planned from. Another tab (readTab) is a sheet of the XLSX, or for a CSV ledger the file `<name>.csv`
 * beside it (a CSV has no tabs).
 */
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RawTable } from '../domain/types.js';
import { readLocalTab, readLocalTable, readLocalWorkbook } from '../ledger/read-local.js';
import type { Logger } from '../log/logger.js';
import type { FileLockOptions } from './file-lock.js';
import type { LocalFileWrites } from './local-file-writes.js';
import { isTableFile } from './location.js';
import type { LedgerRead, LedgerSource } from './source.js';

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

  // The write-back modules (the lock file, the CSV and XLSX writers and what they use) load on the first write: a
  // read-only command such as `duban digest` starts without them. One set per source, so its appends stay queued.
  let writes: Promise<LocalFileWrites> | null = null;
  const writer = () =>
    (writes ??= import('./local-file-writes.js').then(({ localFileWrites }) =>
      localFileWrites({ path, logger: options.logger, book, lock: options.lock }),
    ));

  return {
    location: path,
    revision,
    async read(): Promise<LedgerRead> {
      const rev = await revision();
      const read = await readLocalWorkbook(path, book);
      return { ledger: read.ledger, units: await readUnits(read.units), revision: rev };
    },
    readTab: (name) => readLocalTab(path, name),
    columnRules: async (table, columns) => (await writer()).columnRules(table, columns),
    updateTask: async (id, update) => (await writer()).updateTask(id, update),
    appendRows: async (rows) => (await writer()).appendRows(rows),
  };
}
