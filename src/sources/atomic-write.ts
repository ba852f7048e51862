/** Replacing a file atomically: write a temp file in the same directory, then rename over the original. */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
