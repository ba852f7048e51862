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
    description: 'the 督办 loop: requests and their evidence, acknowledgements, handled event ids',
    sql: `
      CREATE TABLE requests (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('ack', 'progress', 'complete', 'extend')),
        task TEXT NOT NULL,
        unit TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_account TEXT,
        at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'failed')),
        new_due TEXT,
        old_due TEXT,
        reason TEXT,
        note TEXT,
        progress REAL,
        status_word TEXT,
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT,
        error TEXT,
        card_message_id TEXT,
        chat TEXT,
        source_message_id TEXT,
        reply_message_id TEXT,
        written_at TEXT,
        claimed_by TEXT,
        claimed_until TEXT
      );
      CREATE INDEX requests_task ON requests (task, kind);
      CREATE INDEX requests_status ON requests (status);
      CREATE TABLE request_evidence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request INTEGER NOT NULL,
        name TEXT NOT NULL,
        file_key TEXT,
        url TEXT,
        FOREIGN KEY (request) REFERENCES requests (seq)
      );
      CREATE INDEX request_evidence_request ON request_evidence (request);
      CREATE TABLE acks (
        task TEXT NOT NULL,
        unit TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_account TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (task, unit)
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL
      );
      CREATE INDEX events_at ON events (at);
    `,
  },
  {
    version: 3,
    description: 'a file posted before a message card (reports)',
    sql: `ALTER TABLE messages ADD COLUMN attachment TEXT;`,
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
