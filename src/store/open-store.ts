/** Opens the store in a data directory: <dataDir>/duban.sqlite (created with its folder), in WAL mode, migrated. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../config/config-error.js';
import { migrate } from './migrations.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { STORE_FILE } from './store-file.js';

/** Opens (and creates) the store in `dataDir`; a file that is no usable database is a problem with dataDir. */
export async function openStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, STORE_FILE);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return createSqliteStore(db, path);
  } catch (error) {
    db.close();
    const message = `cannot use the state database ${path} (${(error as Error).message}); move the file aside, or set dataDir / DUBAN_DATA_DIR to another folder`;
    throw new ConfigError([{ path: 'dataDir', message }], null);
  }
}
