/**
 * SQLite (better-sqlite3, synchronous underneath) as the store's SQL database: the embedded default, one file per
 * data directory, in WAL mode. Statements queue one after another, so another caller's statement never lands inside
 * an open transaction while it awaits.
 */
import Database from 'better-sqlite3';
import { serialQueue } from './queue.js';
import type { SqlDatabase, SqlSession, SqlValue } from './sql.js';

/** Opens (and creates) the database file; throws the driver's error when the file is no usable database. */
export function openSqliteDatabase(path: string): SqlDatabase {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const session: SqlSession = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => {
      const statement = prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    run: async (sql, params = []) => {
      const statement = prepare(sql);
      return statement.reader ? statement.all(...params).length : statement.run(...params).changes;
    },
    exec: async (script) => void db.exec(script),
  };

  const queued = serialQueue();

  return {
    backend: 'sqlite',
    location: path,
    render: (sql) => sql.replaceAll('AUTO_ID', 'INTEGER PRIMARY KEY'),
    hasTable: (name) => queued(async () => Boolean(prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name))),
    all: (sql, params) => queued(() => session.all(sql, params)),
    run: (sql, params) => queued(() => session.run(sql, params)),
    exec: (script) => queued(() => session.exec(script)),
    transaction: (fn) =>
      queued(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(session);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    withLock: (_key, fn) => fn(),
    close: () => queued(async () => void db.close()),
  };
}
