/** The office's sheet-problems report: sent when the set of problems changes, once per change. */
import { createHash } from 'node:crypto';
import type { Messenger } from '../delivery/messenger.js';
import type { IsoDate, Problem } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { runJob } from './run-job.js';
import type { BuiltRun, RunOutcome } from './run-job.js';

/** Reads the ledger and returns its problems' fingerprint and the report to send when it changed. */
export type SheetProblemsCheck = (date: IsoDate) => Promise<{ fingerprint: string; build: () => BuiltRun }>;

const NOTICE_KEY = 'sheet-problems';

/** A stable fingerprint of a set of problems (order-independent); "" when there are none. */
export function problemsFingerprint(problems: readonly Problem[]): string {
  if (problems.length === 0) return '';
  const lines = problems.map((p) => [p.row ?? '', p.column, p.code, p.severity, p.message].join('\t')).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

export interface SheetProblemsOptions {
  store: Store;
  messenger: Messenger;
  clock: Clock;
  logger?: Logger;
  date: IsoDate;
  check: SheetProblemsCheck;
  shouldContinue?: () => boolean;
}

/** Sends the report when the fingerprint differs from the last one reported; null when unchanged. */
export async function checkSheetProblems(options: SheetProblemsOptions): Promise<RunOutcome | null> {
  const { store, date } = options;
  const { fingerprint, build } = await options.check(date);
  if (((await store.notice(NOTICE_KEY))?.value ?? '') === fingerprint) return null;
  if (fingerprint === '') {
    await store.setNotice(NOTICE_KEY, date, '');
    return null;
  }
  const outcome = await runJob({ ...options, job: `problems:${fingerprint}`, build });
  if (outcome.status === 'done') await store.setNotice(NOTICE_KEY, date, fingerprint);
  return outcome;
}
