/**
 * The store's schema, as an ordered list of migrations, and the one way it is applied. Append only: a released
 * migration never changes.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, messages, snapshots, reminder log, notices',
    sql: `
      CREATE TABLE runs (
        job TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'done', 'failed', 'skipped')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        detail TEXT,
        PRIMARY KEY (job, date)
      );
      CREATE TABLE messages (
        job TEXT NOT NULL,
        date TEXT NOT NULL,
        chat TEXT NOT NULL,
        key TEXT NOT NULL,
        uuid TEXT,
        card TEXT NOT NULL,
        message_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'sent', 'failed')),
        error TEXT,
        at TEXT NOT NULL,
        UNIQUE (job, date, chat),
        FOREIGN KEY (job, date) REFERENCES runs (job, date)
      );
      CREATE TABLE snapshots (
        date TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );
      CREATE TABLE reminder_log (
        task TEXT NOT NULL,
        unit TEXT NOT NULL,
        date TEXT NOT NULL,
        job TEXT NOT NULL,
        chat TEXT NOT NULL,
        mentions TEXT NOT NULL,
        kind TEXT NOT NULL,
        UNIQUE (task, unit, date),
        FOREIGN KEY (job, date, chat) REFERENCES messages (job, date, chat)
      );
      CREATE INDEX reminder_log_unit ON reminder_log (unit, date);
      CREATE TABLE notices (
        key TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        value TEXT
      );
    `,
  },
  {
    version: 2,
    description: 'messages.attempted_at: when the first send of a message was attempted',
    sql: 'ALTER TABLE messages ADD COLUMN attempted_at TEXT;',
  },
];

/** Applies the migrations newer than the database's version, each in its own transaction. Returns the version reached. */
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
