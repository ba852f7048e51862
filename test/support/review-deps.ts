/** The 督办 loop's dependencies for tests: a fresh SQLite store in a temporary folder, a ledger source, fixed people and time. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLedger } from '../../src/app/read-ledger.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Membership, People } from '../../src/review/people.js';
import type { ReviewChat, ReviewDeps } from '../../src/review/review-deps.js';
import type { LedgerSource } from '../../src/sources/source.js';
import type { RequestKind } from '../../src/store/records.js';
import { openStore } from '../../src/store/open-store.js';

export interface TestPeople {
  /** open_id → the units they speak for. */
  members?: Record<string, Membership[]>;
  /** open_id → the reviewer's name. */
  reviewers?: Record<string, string>;
}

/** People from plain maps. */
export function fixedPeople(people: TestPeople): People {
  return {
    memberships: (openId) => (openId ? (people.members?.[openId] ?? []) : []),
    reviewer: (openId) => (openId ? (people.reviewers?.[openId] ?? null) : null),
  };
}

/** Review dependencies over `source`, read fresh each time; the clock is settable through `setNow`. */
export async function testReviewDeps(options: {
  source: LedgerSource;
  now: string;
  people?: TestPeople;
  requireReview?: RequestKind[];
  chat?: ReviewChat | null;
  officeChat?: string | null;
  /** Where the store lives (a fresh temporary folder by default). */
  dataDir?: string;
}): Promise<{ deps: ReviewDeps; setNow: (iso: string) => void }> {
  let now = new Date(options.now);
  const store = await openStore(options.dataDir ?? mkdtempSync(join(tmpdir(), 'duban-review-')));
  const deps: ReviewDeps = {
    store,
    source: options.source,
    ledgerFor: (today) => readLedger(options.source, today),
    people: async () => fixedPeople(options.people ?? {}),
    requireReview: options.requireReview ?? ['complete', 'extend'],
    officeChat: options.officeChat === undefined ? 'oc_office0001' : options.officeChat,
    timezone: 'Asia/Shanghai',
    now: () => now,
    chat: options.chat ?? null,
    logger: silentLogger,
  };
  return { deps, setNow: (iso) => void (now = new Date(iso)) };
}
