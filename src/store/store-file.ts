/** Where the SQLite store lives, without loading SQLite: commands check for state before opening the store. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const STORE_FILE = 'duban.sqlite';

/** True when there is state to read: a database URL is configured, or the service (or a --send) created the SQLite file. */
export function storeExists(dataDir: string, databaseUrl: string | null = null): boolean {
  return Boolean(databaseUrl) || existsSync(join(dataDir, STORE_FILE));
}
