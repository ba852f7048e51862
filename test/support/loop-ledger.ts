/** A copy of the 督办 loop's test ledger (test/fixtures/ledgers/loop: every loop column) in a temporary folder. */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from '../../src/ledger/csv.js';
import { silentLogger } from '../../src/log/logger.js';
import { openSource } from '../../src/sources/open-source.js';
import type { LedgerSource } from '../../src/sources/source.js';

const fixture = fileURLToPath(new URL('../fixtures/ledgers/loop', import.meta.url));

/** The liaisons and reviewers of the loop ledger, by open_id. */
export const LOOP_PEOPLE = {
  transportLiaison: 'ou_wang',
  transportLeader: 'ou_li',
  commerceLiaison: 'ou_guo',
  assistLiaison: 'ou_chen',
  reviewer: 'ou_reviewer01',
  stranger: 'ou_stranger01',
} as const;

/** A fresh copy: its folder, its source, and the ledger file's text as it is now. */
export function loopLedger(): { dir: string; source: LedgerSource; text: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'duban-loop-'));
  for (const file of ['tasks.csv', 'units.csv']) copyFileSync(join(fixture, file), join(dir, file));
  const source = openSource(join(dir, 'tasks.csv'), { units: join(dir, 'units.csv'), logger: silentLogger, env: {} });
  return { dir, source, text: () => readFileSync(join(dir, 'tasks.csv'), 'utf8') };
}

/** The cells of one task's row in the CSV text, by header. */
export function rowOf(text: string, id: string): Record<string, string> {
  const [header, ...rows] = parseCsvText(text.replace(/^\uFEFF/, '')).rows;
  const cells = rows.find((cells) => cells[0] === id) ?? [];
  return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
}
