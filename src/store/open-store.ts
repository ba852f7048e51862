/**
 * Opens the store where the configuration puts it: PostgreSQL when a database URL is set (store: or
 * DUBAN_DATABASE_URL), else SQLite at <dataDir>/duban.sqlite (created with its folder). The SQLite file belongs to
 * one process and is migrated on open; a shared PostgreSQL database changes only by `duban store migrate`, and a
 * schema older or newer than this code stops the store from opening with what to do.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations.js';
import type { SqlDatabase } from './sql.js';
import { createSqlStore, type SqlStoreOptions } from './sql-store.js';
import { openSqliteDatabase } from './sqlite-store.js';
import { StoreError } from './store-error.js';
import { STORE_FILE, storeExists } from './store-file.js';
import type { Store, StoreBackend } from './store.js';

export interface OpenStoreOptions extends SqlStoreOptions {
  /** Where a PostgreSQL connection lost while idle is reported. */
  logger?: Logger;
}

function unusableFile(path: string, error: unknown): StoreError {
  const reason = (error as Error).message;
  return new StoreError(
    'unusable',
    `无法使用状态数据库 ${path}（${reason}）：请把该文件移到别处，或把 dataDir / DUBAN_DATA_DIR 设为另一个文件夹。`,
    `cannot use the state database ${path} (${reason}); move the file aside, or set dataDir / DUBAN_DATA_DIR to another folder`,
  );
}

/** Connects to the configured database without touching its schema. */
export async function openDatabase(dataDir: string, databaseUrl: string | null = null, logger?: Logger): Promise<SqlDatabase> {
  // pg is loaded only for a PostgreSQL store: a SQLite command never pays for it.
  if (databaseUrl) return (await import('./postgres-store.js')).openPostgresDatabase(databaseUrl, logger);
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, STORE_FILE);
  try {
    return openSqliteDatabase(path);
  } catch (error) {
    throw unusableFile(path, error);
  }
}

/** Why a schema at `version` cannot be used by this code, or null when it is the latest. */
export function schemaProblem(version: number, location: string): StoreError | null {
  if (version === LATEST_VERSION) return null;
  if (version === 0) {
    return new StoreError(
      'not-migrated',
      `数据库 ${location} 中还没有 duban 的表：请先运行 duban store migrate（建表一次即可，多个副本共用），再启动 duban。`,
      `the database ${location} has no duban tables yet; run duban store migrate, then start duban`,
    );
  }
  if (version < LATEST_VERSION) {
    return new StoreError(
      'older',
      `数据库 ${location} 的结构是第 ${version} 版，本程序需要第 ${LATEST_VERSION} 版：请先运行 duban store migrate（已有数据会保留），再启动 duban。`,
      `the database ${location} is at schema version ${version} and this duban needs ${LATEST_VERSION}; run duban store migrate, then start duban`,
    );
  }
  return new StoreError(
    'newer',
    `数据库 ${location} 的结构是第 ${version} 版，比本程序支持的第 ${LATEST_VERSION} 版新：请把 duban 升级到写入该数据库的版本，不要用旧版本连接它。`,
    `the database ${location} is at schema version ${version}, newer than this duban (${LATEST_VERSION}); upgrade duban`,
  );
}

/** Opens the store; a StoreError says why it cannot be used and what to do. */
export async function openStore(dataDir: string, databaseUrl: string | null = null, options: OpenStoreOptions = {}): Promise<Store> {
  const db = await openDatabase(dataDir, databaseUrl, options.logger);
  try {
    if (db.backend === 'sqlite') await migrate(db);
    const problem = schemaProblem(await schemaVersion(db), db.location);
    if (problem) throw problem;
    return createSqlStore(db, options);
  } catch (error) {
    await db.close();
    throw error instanceof StoreError || db.backend !== 'sqlite' ? error : unusableFile(db.location, error);
  }
}

export interface StoreStatus {
  backend: StoreBackend;
  /** The database file, or the URL with its password masked. */
  location: string;
  /** The schema version of the database; 0 when duban has not created its tables (or the SQLite file) yet. */
  version: number;
  /** The version this code needs. */
  latest: number;
}

/** The database's backend and schema version; a SQLite file that does not exist yet is reported, not created. */
export async function storeStatus(dataDir: string, databaseUrl: string | null = null): Promise<StoreStatus> {
  const latest = LATEST_VERSION;
  if (!storeExists(dataDir, databaseUrl)) return { backend: 'sqlite', location: join(dataDir, STORE_FILE), version: 0, latest };
  const db = await openDatabase(dataDir, databaseUrl);
  try {
    return { backend: db.backend, location: db.location, version: await schemaVersion(db), latest };
  } finally {
    await db.close();
  }
}

/** Brings the database's schema to the latest version; a database newer than this code is refused. */
export async function migrateStore(dataDir: string, databaseUrl: string | null = null): Promise<StoreStatus & { from: number }> {
  const db = await openDatabase(dataDir, databaseUrl);
  try {
    const before = await schemaVersion(db);
    if (before > LATEST_VERSION) throw schemaProblem(before, db.location)!;
    const { from, to } = await migrate(db);
    return { backend: db.backend, location: db.location, from, version: to, latest: LATEST_VERSION };
  } finally {
    await db.close();
  }
}
