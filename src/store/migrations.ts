/** The store's schema, as an ordered list of migrations. Append only: a released migration never changes. */

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
];
