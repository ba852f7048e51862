/** The store's two backends for tests: a new SQLite data directory, or a new schema in the test PostgreSQL server. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, inject } from 'vitest';
import { migrateStore, openStore, type OpenStoreOptions } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store-error.js';
import type { Store, StoreBackend } from '../../src/store/store.js';

/** Where a test's database is, as openStore takes it. */
export interface StoreLocation {
  dataDir: string;
  databaseUrl: string | null;
}

export interface BackendCase {
  name: StoreBackend;
  /** A new, empty database. */
  fresh(): Promise<StoreLocation>;
}

const schemas: string[] = [];

/** Runs statements as the test server's superuser. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A URL of the test server whose connections use a new, empty schema. */
export async function freshSchemaUrl(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  const url = new URL(inject('databaseUrl'));
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * Call once per test file: the stores a test pushes on the returned list are closed after it, and the schemas the
 * file created are dropped after the file (the server may outlive the run).
 */
export function cleanUpStores(): Store[] {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    const dropped = schemas.splice(0);
    if (dropped.length > 0) await adminQuery(dropped.map((s) => `DROP SCHEMA ${s} CASCADE;`).join('\n'));
  });
  return opened;
}

/** The StoreError `promise` rejects with (anything else fails the test). */
export async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof StoreError) return error;
  throw new Error(`expected a StoreError, got ${String(error)}`);
}

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'duban-store-')), 'state', '.duban');

export const BACKENDS: BackendCase[] = [
  { name: 'sqlite', fresh: async () => ({ dataDir: dataDir(), databaseUrl: null }) },
  { name: 'postgresql', fresh: async () => ({ dataDir: dataDir(), databaseUrl: await freshSchemaUrl() }) },
];

/** A store on a new database of this backend, migrated to the latest schema. */
export async function freshStore(backend: BackendCase, options: OpenStoreOptions = {}): Promise<{ store: Store; location: StoreLocation }> {
  const location = await backend.fresh();
  await migrateStore(location.dataDir, location.databaseUrl);
  return { store: await openStore(location.dataDir, location.databaseUrl, options), location };
}

/** Two handles on one new database of this backend, as two replicas hold them; pushed on `opened` to be closed. */
export async function twoHandles(backend: BackendCase, opened: Store[], options: OpenStoreOptions = {}): Promise<{ a: Store; b: Store }> {
  const { store: a, location } = await freshStore(backend, options);
  const b = await openStore(location.dataDir, location.databaseUrl, options);
  opened.push(a, b);
  return { a, b };
}
