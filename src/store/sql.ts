/**
 * What the store needs from a SQL database, so its queries and migrations are written once: SQLite
 * (sqlite-store.ts) and PostgreSQL (postgres-store.ts) each adapt their driver to this. Queries use `?`
 * placeholders and portable SQL; instants are ISO-8601 text.
 */
import type { StoreBackend } from './store.js';

export type SqlValue = string | number | null;

/** One connection's worth of statements (the database itself, or a transaction). */
export interface SqlSession {
  /** The rows of a query, or of a statement with RETURNING. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlSession {
  readonly backend: StoreBackend;
  /** Where it lives, for the operator: the file, or the URL with its password masked. */
  readonly location: string;
  /** Migration SQL (written for both) in this database's words. */
  render(sql: string): string;
  /** True when the table exists in the database (the schema the connection uses). */
  hasTable(name: string): Promise<boolean>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding a lock named `key` that every process on this database respects (PostgreSQL: an advisory
   * lock). SQLite runs `fn` at once: its file belongs to one process, and in-process callers queue in the store.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** ` AND <condition>` for each condition whose value is given (`['l.task = ?', filter.task]`), with its values in order. */
export function conditions(pairs: readonly [string, SqlValue | undefined][]): { sql: string; params: SqlValue[] } {
  const given = pairs.filter((pair): pair is [string, SqlValue] => pair[1] !== undefined);
  return { sql: given.map(([condition]) => ` AND ${condition}`).join(''), params: given.map(([, value]) => value) };
}
