/** Where the store lives, without loading SQLite: commands check for it before opening it. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const STORE_FILE = 'duban.sqlite';

/** True when the service (or a --send) has created the store in this data directory. */
export function storeExists(dataDir: string): boolean {
  return existsSync(join(dataDir, STORE_FILE));
}
