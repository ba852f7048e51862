/**
 * A read-only `duban digest` on the bundled example loads none of the modules only a write or a configured calendar
 * tab uses (they are imported on first use), so the command starts fast; the ledger reader it does use is loaded.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/', import.meta.url);
const LIST_MODULES = fileURLToPath(new URL('../support/list-modules.mjs', import.meta.url));

/** The dist/ modules `duban digest` loads, as paths inside dist/ (run in an empty folder: no configuration, no store). */
async function digestModules(): Promise<Set<string>> {
  const main = fileURLToPath(new URL('cli/main.js', DIST));
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(LIST_MODULES).href, main, 'digest'], {
    cwd: mkdtempSync(join(tmpdir(), 'duban-modules-')),
    env: { PATH: process.env.PATH },
  });
  const prefix = `MODULE ${DIST.href}`;
  return new Set(stderr.split('\n').flatMap((line) => (line.startsWith(prefix) ? [line.slice(prefix.length)] : [])));
}

describe('duban digest on the bundled example', () => {
  it('loads the local ledger reader but none of the write-back, store-view or calendar-tab modules', async () => {
    const loaded = await digestModules();
    expect(loaded.has('sources/local-file.js')).toBe(true);
    expect(loaded.has('ledger/read-local.js')).toBe(true);
    const unused = [
      'sources/local-file-writes.js',
      'sources/apply-append.js',
      'sources/apply-update.js',
      'sources/atomic-write.js',
      'sources/csv-write-back.js',
      'sources/file-lock.js',
      'sources/xlsx-write-back.js',
      'sources/write-back.js',
      'cli/stored.js',
      'store/store.js',
      'ledger/calendar-table.js',
    ];
    expect(unused.filter((path) => loaded.has(path))).toEqual([]);
  });
});
