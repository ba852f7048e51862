/** Run leases and ledger locks, the store's half of two replicas on one database, on both backends. */
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/delivery/messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { openStore } from '../../src/store/open-store.js';
import { fakeChatServer, fakeMessenger } from '../jobs/fake-messenger.js';
import { BACKENDS, cleanUpStores, freshStore, type BackendCase } from '../support/store-backends.js';

const opened = cleanUpStores();

const DATE = '2026-03-02';
const START = '2026-03-02T01:30:00.000Z';
const LEASE_MS = 60_000;

/** Two replicas' stores on one new database, measuring leases by one hand-driven clock. */
async function twoReplicas(backend: BackendCase) {
  const clock = fixedClock(START);
  const now = () => clock.now();
  const { store: a, location } = await freshStore(backend, { now });
  const b = await openStore(location.dataDir, location.databaseUrl, { now });
  opened.push(a, b);
  return { a, b, clock };
}

/** Records when each call of `fn` starts and ends, so a test can see whether two calls overlapped. */
function timeline() {
  const events: string[] = [];
  const work = (name: string) => async () => {
    events.push(`${name}+`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    events.push(`${name}-`);
    return name;
  };
  return { events, work };
}

describe.each(BACKENDS)('leases on $name', (backend) => {
  it('gives a run to one replica until its lease expires, then to another, and lists who holds what', async () => {
    const { a, b, clock } = await twoReplicas(backend);
    expect(await a.claimRun('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(true);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(false);
    expect(await b.claimRun('双拥', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(true);
    clock.advance(30_000);
    expect(await a.claimRun('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(true);
    expect(await a.renewLease('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(true);
    expect(await b.leases()).toEqual([
      { ledger: 'default', job: 'remind', date: DATE, replica: 'replica-a', acquiredAt: '2026-03-02T01:30:30.000Z', expiresAt: '2026-03-02T01:31:30.000Z' },
      { ledger: '双拥', job: 'remind', date: DATE, replica: 'replica-b', acquiredAt: START, expiresAt: '2026-03-02T01:31:00.000Z' },
    ]);

    clock.advance(LEASE_MS - 1);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(false);
    clock.advance(1);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(true);
    expect(await a.renewLease('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(false);
    await a.releaseRun('default', 'remind', DATE, 'replica-a');
    expect((await a.leases()).map((l) => [l.ledger, l.replica])).toEqual([['default', 'replica-b'], ['双拥', 'replica-b']]);
    await b.releaseRun('default', 'remind', DATE, 'replica-b');
    await b.releaseRun('双拥', 'remind', DATE, 'replica-b');
    expect(await a.leases()).toEqual([]);
    expect(await a.claimRun('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(true);
  });

  it('lets exactly one of two replicas claiming at the same moment hold each run', async () => {
    const { a, b } = await twoReplicas(backend);
    const jobs = Array.from({ length: 25 }, (_, i) => `job-${i}`);
    const claims = await Promise.all(
      jobs.flatMap((job) => [a.claimRun('default', job, DATE, 'replica-a', LEASE_MS), b.claimRun('default', job, DATE, 'replica-b', LEASE_MS)]),
    );
    for (let i = 0; i < jobs.length; i += 1) expect([jobs[i], claims[2 * i] !== claims[2 * i + 1]]).toEqual([jobs[i], true]);
    const holders = new Map((await a.leases()).map((l) => [l.job, l.replica]));
    for (let i = 0; i < jobs.length; i += 1) expect(holders.get(jobs[i])).toBe(claims[2 * i] ? 'replica-a' : 'replica-b');
  });

  it('resumes a run whose holder died mid-run without resending what it sent', async () => {
    const { a, b, clock } = await twoReplicas(backend);
    const server = fakeChatServer();
    const chats = ['oc_1', 'oc_2', 'oc_3', 'oc_4'];
    const build = () => ({ messages: chats.map((chat): OutgoingMessage => ({ chat, key: `remind|${DATE}|${chat}`, card: { text: `提醒 ${chat}` } })) });
    let dying!: () => void;
    const died = new Promise<void>((resolve) => (dying = resolve));
    // Replica A posts two messages, and dies while posting the third: it reaches the chat, the answer never comes back.
    const messengerA = fakeMessenger(server, { dieAfter: 2, beforeSend: (n) => n === 3 && dying() });
    expect(await a.claimRun('default', 'remind', DATE, 'replica-a', LEASE_MS)).toBe(true);
    void runJob({ store: a, messenger: messengerA, clock, job: 'remind', date: DATE, build });
    await died;

    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(false);
    clock.advance(LEASE_MS);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', LEASE_MS)).toBe(true);
    const outcome = await runJob({ store: b, messenger: fakeMessenger(server), clock, job: 'remind', date: DATE, build });
    expect(outcome).toEqual({ job: 'remind', date: DATE, status: 'done', sent: 4, failed: 0, pending: 0 });
    expect(server.posted.map((m) => m.chat)).toEqual(chats);
    expect(server.duplicates().map((m) => m.chat)).toEqual(['oc_3']);
    expect((await a.messages('remind', DATE)).map((m) => m.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('runs write-backs to one ledger one at a time, and to different ledgers at once', async () => {
    const { a } = await twoReplicas(backend);
    const { events, work } = timeline();
    const results = await Promise.all([
      a.withLedgerLock('default', work('w1')),
      a.forLedger('双拥').withLedgerLock('default', work('w2')),
      a.withLedgerLock('双拥', work('other')),
    ]);
    expect(results).toEqual(['w1', 'w2', 'other']);
    expect(events.filter((e) => e.startsWith('w'))).toEqual(['w1+', 'w1-', 'w2+', 'w2-']);
    expect(events.indexOf('other+')).toBeLessThan(events.indexOf('w1-'));
    await expect(a.withLedgerLock('default', async () => Promise.reject(new Error('write refused')))).rejects.toThrow('write refused');
    expect(await a.withLedgerLock('default', async () => 'after a failure')).toBe('after a failure');
  });
});

describe('ledger locks on postgresql', () => {
  it('serialise write-backs to one ledger across two connections (two replicas)', async () => {
    const { a, b } = await twoReplicas(BACKENDS[1]);
    const { events, work } = timeline();
    await Promise.all([a.withLedgerLock('default', work('a1')), b.withLedgerLock('default', work('b1')), a.withLedgerLock('default', work('a2')), b.withLedgerLock('default', work('b2'))]);
    expect(events).toHaveLength(8);
    for (let i = 0; i < events.length; i += 2) expect([events[i].slice(0, -1), events[i + 1]]).toEqual([events[i].slice(0, -1), `${events[i].slice(0, -1)}-`]);
  });
});
