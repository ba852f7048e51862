/**
 * Vitest global setup: the PostgreSQL server the store tests run against. DUBAN_TEST_DATABASE_URL when set (.ci/run
 * starts one cluster for both test runs), else a throwaway cluster started here with scripts/throwaway-postgres.sh
 * and stopped when the run ends.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create schemas. */
    databaseUrl: string;
  }
}

const SCRIPT = fileURLToPath(new URL('../../scripts/throwaway-postgres.sh', import.meta.url));

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.DUBAN_TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return undefined;
  }
  const dir = join(tmpdir(), `duban-pg-${randomBytes(6).toString('hex')}`);
  const stop = () => void execFileSync(SCRIPT, ['stop', dir], { stdio: 'inherit' });
  try {
    const url = execFileSync(SCRIPT, ['start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    project.provide('databaseUrl', url);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
