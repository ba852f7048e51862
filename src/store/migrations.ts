/**
 * The store's schema, as an ordered list of migrations written once for SQLite and PostgreSQL, and the one way it
 * is applied. Append only: a released migration never changes. The SQL is portable; the database renders the few
 * words that differ (AUTO_ID, the text collation) through SqlDatabase.render.
 */
import type { SqlDatabase } from './sql.js';

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
    description: 'a ledger column on the run tables, ordered rows, requests, acknowledgements, event ids, run leases',
    // The keyed tables are rebuilt (SQLite cannot change a primary key in place): the old ones are renamed, their
    // rows copied in scan order, then dropped, children first. In SQLite, whose stores are the only ones that held
    // version-1 rows, scan order is rowid order, the order they were written, which seq now keeps.
    sql: `
      ALTER TABLE reminder_log RENAME TO reminder_log_v1;
      ALTER TABLE messages RENAME TO messages_v1;
      ALTER TABLE runs RENAME TO runs_v1;
      ALTER TABLE snapshots RENAME TO snapshots_v1;
      ALTER TABLE notices RENAME TO notices_v1;
      DROP INDEX reminder_log_unit;
      CREATE TABLE runs (
        ledger TEXT NOT NULL DEFAULT 'default',
        job TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'done', 'failed', 'skipped')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        detail TEXT,
        PRIMARY KEY (ledger, job, date)
      );
      CREATE TABLE messages (
        seq AUTO_ID,
        ledger TEXT NOT NULL DEFAULT 'default',
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
        UNIQUE (ledger, job, date, chat),
        FOREIGN KEY (ledger, job, date) REFERENCES runs (ledger, job, date)
      );
      CREATE TABLE reminder_log (
        seq AUTO_ID,
        ledger TEXT NOT NULL DEFAULT 'default',
        task TEXT NOT NULL,
        unit TEXT NOT NULL,
        date TEXT NOT NULL,
        job TEXT NOT NULL,
        chat TEXT NOT NULL,
        mentions TEXT NOT NULL,
        kind TEXT NOT NULL,
        UNIQUE (ledger, task, unit, date),
        FOREIGN KEY (ledger, job, date, chat) REFERENCES messages (ledger, job, date, chat)
      );
      CREATE TABLE snapshots (
        ledger TEXT NOT NULL DEFAULT 'default',
        date TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (ledger, date)
      );
      CREATE TABLE notices (
        ledger TEXT NOT NULL DEFAULT 'default',
        key TEXT NOT NULL,
        date TEXT NOT NULL,
        value TEXT,
        PRIMARY KEY (ledger, key)
      );
      INSERT INTO runs (job, date, status, started_at, finished_at, detail)
        SELECT job, date, status, started_at, finished_at, detail FROM runs_v1;
      INSERT INTO messages (job, date, chat, key, uuid, card, message_id, outcome, error, at)
        SELECT job, date, chat, key, uuid, card, message_id, outcome, error, at FROM messages_v1;
      INSERT INTO reminder_log (task, unit, date, job, chat, mentions, kind)
        SELECT task, unit, date, job, chat, mentions, kind FROM reminder_log_v1;
      INSERT INTO snapshots (date, json) SELECT date, json FROM snapshots_v1;
      INSERT INTO notices (key, date, value) SELECT key, date, value FROM notices_v1;
      DROP TABLE reminder_log_v1;
      DROP TABLE messages_v1;
      DROP TABLE runs_v1;
      DROP TABLE snapshots_v1;
      DROP TABLE notices_v1;
      CREATE INDEX reminder_log_unit ON reminder_log (ledger, unit, date);
      CREATE INDEX reminder_log_date ON reminder_log (ledger, date);

      CREATE TABLE requests (
        seq AUTO_ID,
        ledger TEXT NOT NULL DEFAULT 'default',
        kind TEXT NOT NULL CHECK (kind IN ('ack', 'progress', 'complete', 'extend')),
        task_id TEXT NOT NULL,
        unit TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_account TEXT,
        at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'failed')),
        new_due TEXT,
        old_due TEXT,
        reason TEXT,
        note TEXT,
        progress DOUBLE PRECISION,
        decided_by TEXT,
        decided_at TEXT,
        error TEXT,
        card_message_id TEXT
      );
      CREATE INDEX requests_task ON requests (ledger, task_id);
      CREATE TABLE request_evidence (
        seq AUTO_ID,
        request_seq BIGINT NOT NULL REFERENCES requests (seq),
        name TEXT NOT NULL,
        file_key TEXT,
        url TEXT
      );
      CREATE INDEX request_evidence_request ON request_evidence (request_seq);
      CREATE TABLE acks (
        seq AUTO_ID,
        ledger TEXT NOT NULL DEFAULT 'default',
        task_id TEXT NOT NULL,
        unit TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_account TEXT,
        at TEXT NOT NULL,
        UNIQUE (ledger, task_id, unit)
      );
      CREATE TABLE events (
        id TEXT NOT NULL PRIMARY KEY,
        at TEXT NOT NULL
      );
      CREATE TABLE leases (
        ledger TEXT NOT NULL,
        job TEXT NOT NULL,
        date TEXT NOT NULL,
        replica TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (ledger, job, date)
      );
    `,
  },
  {
    version: 3,
    description: 'the 督办 loop: where a request was made and its thread, its status word, the office\'s reason, when it was written, claims',
    sql: `
      ALTER TABLE requests ADD COLUMN status_word TEXT;
      ALTER TABLE requests ADD COLUMN decision_reason TEXT;
      ALTER TABLE requests ADD COLUMN chat TEXT;
      ALTER TABLE requests ADD COLUMN source_message_id TEXT;
      ALTER TABLE requests ADD COLUMN reply_message_id TEXT;
      ALTER TABLE requests ADD COLUMN written_at TEXT;
      ALTER TABLE requests ADD COLUMN claimed_by TEXT;
      ALTER TABLE requests ADD COLUMN claimed_until TEXT;
    `,
  },
  {
    version: 4,
    description: 'a file posted before a message card (reports)',
    sql: `ALTER TABLE messages ADD COLUMN attachment TEXT;`,
  },
  {
    version: 5,
    description: 'messages.attempted_at: when the first send of a message was attempted',
    sql: 'ALTER TABLE messages ADD COLUMN attempted_at TEXT;',
  },
];

/** The schema version this code reads and writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS migrations (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** The highest migration applied to the database; 0 for a database duban has never used. */
export async function schemaVersion(db: SqlDatabase): Promise<number> {
  if (!(await db.hasTable('migrations'))) return 0;
  const [row] = await db.all<{ version: number | string | null }>('SELECT MAX(version) AS version FROM migrations');
  return Number(row?.version ?? 0);
}

/**
 * Applies the migrations newer than the database's version, each in its own transaction, under a lock so two
 * processes migrating at once apply each migration once. Resolves to the versions before and after.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<{ from: number; to: number }> {
  return db.withLock('duban:migrate', async () => {
    const from = await schemaVersion(db);
    await db.exec(db.render(MIGRATIONS_TABLE));
    let version = from;
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      version = await db.transaction(async (tx) => {
        // Read again inside the transaction: another process may have applied it since (SQLite has no shared lock).
        const [row] = await tx.all<{ version: number | string | null }>('SELECT MAX(version) AS version FROM migrations');
        const current = Number(row?.version ?? 0);
        if (current >= migration.version) return current;
        await tx.exec(db.render(migration.sql));
        await tx.run('INSERT INTO migrations (version, description, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.description,
          new Date().toISOString(),
        ]);
        return migration.version;
      });
    }
    return { from, to: version };
  });
}
