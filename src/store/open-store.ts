/** Opens <dataDir>/duban.sqlite (creating the folder), in WAL mode, migrated to the latest schema. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../config/config-error.js';
import { MIGRATIONS } from './migrations.js';
import type { Migration } from './migrations.js';
import { createStore } from './store.js';
import type { Store } from './store.js';
import { STORE_FILE } from './store-file.js';

/** Applies the migrations newer than the file's version, each in its own transaction. Returns the version reached. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM migrations').get() as { version: number | null };
  let version = row.version ?? 0;
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    })();
    version = migration.version;
  }
  return version;
}

/** Opens (and creates) the store in `dataDir`. */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, STORE_FILE);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return createStore(db, path);
  } catch (error) {
    db.close();
    const message = `cannot use the state database ${path} (${(error as Error).message}); move the file aside, or set dataDir / DUBAN_DATA_DIR to another folder`;
    throw new ConfigError([{ path: 'dataDir', message }], null);
  }
}
