/** Locates the installed duban package (the folder with its package.json), for the bundled example ledger. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The duban package root, found by walking up from this module (works from src/ and from dist/). */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'duban') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`duban package.json not found above ${fileURLToPath(from)}`);
    dir = parent;
  }
}
