/** Replacing a file atomically, and only if it still holds what was read: a temp file in the same directory, renamed over it. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LedgerChangedError } from './ledger-changed.js';

/** Writes `bytes` to `path` so readers see the old file or the new one, never half of it; keeps the file mode. */
export async function writeFileAtomic(path: string, bytes: Buffer): Promise<void> {
  // Same directory: rename is only atomic within one filesystem.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = (await stat(path)).mode;
  try {
    await writeFile(temp, bytes, { mode });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces the file with `bytes` unless it no longer holds `read` (another program saved it since): then throws
 * LedgerChangedError and leaves it as it is, so its changes are never overwritten with a copy made from older bytes.
 */
export async function replaceIfUnchanged(path: string, read: Buffer, bytes: Buffer): Promise<void> {
  const now = await readFile(path);
  if (!now.equals(read)) throw new LedgerChangedError(`台账文件 ${path} 在读取后被其他程序修改`);
  await writeFileAtomic(path, bytes);
}
