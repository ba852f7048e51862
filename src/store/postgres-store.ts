/**
 * PostgreSQL (the `pg` package) as the store's SQL database, selected by `store: postgres://…` or
 * DUBAN_DATABASE_URL: a pool for statements and transactions, and a second small pool whose connections wait on
 * advisory locks, so a write-back waiting for its ledger never starves the statements of the one holding it.
 */
import pg from 'pg';
import { silentLogger, type Logger } from '../log/logger.js';
import { databaseTarget, maskDatabaseUrl } from '../config/database-url.js';
import type { SqlDatabase, SqlSession, SqlValue } from './sql.js';
import { StoreError } from './store-error.js';

const CONNECT_TIMEOUT_MS = 10_000;
const LOCK = 'SELECT pg_advisory_lock(hashtextextended($1, 0))';
const UNLOCK = 'SELECT pg_advisory_unlock(hashtextextended($1, 0))';
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** The store's `?` placeholders as PostgreSQL's $1, $2, … (the store's SQL has no ? inside literals). */
function numbered(sql: string, cache: Map<string, string>): string {
  let text = cache.get(sql);
  if (text === undefined) {
    let n = 0;
    cache.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
  }
  return text;
}

/** Why the database could not be used, in Chinese for the operator and in English for the log. */
export function connectionProblem(error: Error & { code?: string }, url: string): StoreError {
  const { host, port, user, database } = databaseTarget(url);
  const where = `${host}:${port}`;
  const setting = 'store (or DUBAN_DATABASE_URL)';
  if ((error.code && UNREACHABLE.has(error.code)) || /timeout|terminated/i.test(error.message)) {
    return new StoreError(
      'unreachable',
      `无法连接 PostgreSQL 数据库 ${where}（${error.code ?? error.message}）：请确认数据库服务已启动、主机和端口正确，并检查配置 store 或环境变量 DUBAN_DATABASE_URL。`,
      `cannot reach the PostgreSQL server at ${where} (${error.code ?? error.message}); check that it runs and the host and port in ${setting}`,
    );
  }
  if (error.code === '28P01' || error.code === '28000') {
    return new StoreError(
      'login',
      `PostgreSQL 数据库 ${where} 拒绝了用户 ${user} 的登录：请检查 store / DUBAN_DATABASE_URL 中的用户名和密码，以及服务器是否允许从本机登录（pg_hba.conf）。`,
      `the PostgreSQL server at ${where} refused the login of user ${user} (${error.message}); check the user and password in ${setting}`,
    );
  }
  if (error.code === '3D000') {
    return new StoreError(
      'no-database',
      `PostgreSQL 服务器 ${where} 上没有数据库 ${database}：请按 docs/postgres.md 创建数据库，再运行 duban store migrate。`,
      `database ${database} does not exist on ${where}; create it (docs/postgres.md) and run duban store migrate`,
    );
  }
  return new StoreError(
    'unusable',
    `无法使用 PostgreSQL 数据库 ${maskDatabaseUrl(url)}：${error.message}`,
    `cannot use the PostgreSQL database ${maskDatabaseUrl(url)}: ${error.message}; check ${setting}`,
  );
}

function sessionOf(queryable: pg.Pool | pg.PoolClient, cache: Map<string, string>): SqlSession {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await queryable.query(numbered(sql, cache), [...params])).rows as T[],
    run: async (sql, params = []) => (await queryable.query(numbered(sql, cache), [...params])).rowCount ?? 0,
    exec: async (script) => void (await queryable.query(script)),
  };
}

/** Connects to the database at `url` (checked with one query); a StoreError says why it cannot be used. */
export async function openPostgresDatabase(url: string, logger: Logger = silentLogger): Promise<SqlDatabase> {
  const settings = { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  const pool = new pg.Pool(settings);
  const locks = new pg.Pool({ ...settings, max: 4 });
  const location = maskDatabaseUrl(url);
  // An idle connection the server drops emits 'error' on its pool; the next statement reconnects.
  for (const p of [pool, locks]) p.on('error', (error) => logger.warn('store.connection_lost', { location, error }));
  const close = async () => void (await Promise.all([pool.end(), locks.end()]));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await close();
    throw connectionProblem(error as Error, url);
  }
  const cache = new Map<string, string>();
  const session = sessionOf(pool, cache);

  return {
    ...session,
    backend: 'postgresql',
    location,
    // Text sorts and compares byte by byte, as in SQLite, whatever the database's locale.
    render: (sql) => sql.replaceAll('AUTO_ID', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY').replace(/\bTEXT\b/g, 'TEXT COLLATE "C"'),
    hasTable: async (name) => (await session.all<{ found: boolean }>('SELECT to_regclass(?) IS NOT NULL AS found', [name]))[0].found,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(sessionOf(client, cache));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        const broken = await client.query('ROLLBACK').then(() => undefined, (e: Error) => e);
        client.release(broken);
        throw error;
      }
    },
    withLock: async (key, fn) => {
      const client = await locks.connect();
      try {
        await client.query(LOCK, [key]);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      try {
        return await fn();
      } finally {
        const broken = await client.query(UNLOCK, [key]).then(() => undefined, (e: Error) => e);
        client.release(broken);
      }
    },
    close,
  };
}
