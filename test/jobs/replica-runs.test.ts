/**
 * Two replicas on one database (two store handles), each with its own lease: a run is done by one of them, the
 * holder keeps its lease while it works and stops once another replica has taken the run over, and a replica that
 * takes over a dead holder's run sends only what was not sent, within and past Feishu's one-hour uuid memory.
 */
import { describe, expect, it } from 'vitest';
import type { Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { BACKENDS, cleanUpStores, twoHandles, type BackendCase } from '../support/store-backends.js';
import { fakeChatServer, fakeMessenger } from './fake-messenger.js';

const opened = cleanUpStores();
const DATE = '2026-03-02';
const CHATS = ['oc_1', 'oc_2', 'oc_3', 'oc_4', 'oc_5', 'oc_6'];
const build = () => ({ messages: CHATS.map((chat): OutgoingMessage => ({ chat, key: `remind|${DATE}|${chat}`, card: { text: `提醒 ${chat}` } })) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two replicas' store handles on one new database; leases measured by `now` (the real clock unless given). */
const twoReplicas = (backend: BackendCase, now?: () => Date) => twoHandles(backend, opened, now ? { now } : {});

/** Two replicas whose leases are measured by a clock the test moves, a chat server, and a moment to wait for. */
async function handMovedLeases(backend: BackendCase) {
  const clock = fixedClock('2026-03-02T01:33:00Z');
  const { a, b } = await twoReplicas(backend, () => clock.now());
  let fire!: () => void;
  const moment = new Promise<void>((resolve) => (fire = resolve));
  return { a, b, clock, server: fakeChatServer(), moment, fire };
}

/** A messenger that takes `ms` per send. */
function slow(messenger: Messenger, ms: number): Messenger {
  return { send: async (message) => (await sleep(ms), messenger.send(message)) };
}

describe.each(BACKENDS)('runs shared by two replicas on $name', (backend) => {
  it('gives a run to one replica; the other skips it and names the holder', async () => {
    const { a, b } = await twoReplicas(backend);
    const server = fakeChatServer();
    const clock = fixedClock('2026-03-02T01:33:00Z');
    const run = (store: typeof a, replica: string) =>
      runJob({ store, messenger: slow(fakeMessenger(server), 5), clock, job: 'remind', date: DATE, build, lease: { replica, leaseMs: 5_000 } });
    const [first, second] = await Promise.all([run(a, 'replica-a'), run(b, 'replica-b')]);
    const [done, skipped] = first.heldElsewhere === undefined ? [first, second] : [second, first];
    expect(done).toEqual({ job: 'remind', date: DATE, status: 'done', sent: 6, failed: 0, pending: 0 });
    expect(skipped.status).toBe('started');
    expect(skipped.heldElsewhere?.replica).toBe(done === first ? 'replica-a' : 'replica-b');
    expect(server.received.map((m) => m.chat)).toEqual(CHATS);
    expect(await a.leases()).toEqual([]);
  });

  it('renews the lease while the run lasts longer than it', async () => {
    const { a, b } = await twoReplicas(backend);
    const server = fakeChatServer();
    const clock = fixedClock('2026-03-02T01:33:00Z');
    const running = runJob({ store: a, messenger: slow(fakeMessenger(server), 60), clock, job: 'remind', date: DATE, build, lease: { replica: 'replica-a', leaseMs: 150 } });
    await sleep(250);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', 150)).toBe(false);
    expect((await running).status).toBe('done');
    expect(server.received).toHaveLength(6);
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', 150)).toBe(true);
  });

  it('stops sending once another replica has taken the run over; the run is finished once', async () => {
    const { a, b, clock, server, moment: tookOver, fire: takenOver } = await handMovedLeases(backend);
    const messengerA = fakeMessenger(server);
    // Replica A stalls in its third send (it reached the chat) until replica B has taken the run over and finished it.
    const stalling: Messenger = { send: async (m) => (m.chat === 'oc_3' ? (await messengerA.send(m), await tookOver, { ok: true, messageId: 'om_3', error: null }) : messengerA.send(m)) };
    const lease = { replica: 'replica-a', leaseMs: 90 };
    const runningA = runJob({ store: a, messenger: stalling, clock, job: 'remind', date: DATE, build, lease });
    while (server.received.length < 3) await sleep(5);
    clock.advance(10_000);
    const outcomeB = await runJob({ store: b, messenger: fakeMessenger(server), clock, job: 'remind', date: DATE, build, lease: { replica: 'replica-b', leaseMs: 90 } });
    await sleep(100);
    takenOver();
    const outcomeA = await runningA;
    expect(outcomeB).toEqual({ job: 'remind', date: DATE, status: 'done', sent: 6, failed: 0, pending: 0 });
    expect(outcomeA.status).toBe('started');
    expect(messengerA.sends).toBe(3);
    expect(server.posted.map((m) => m.chat)).toEqual(CHATS);
    expect(server.duplicates().map((m) => m.chat)).toEqual(['oc_3']);
    expect((await a.getRun('remind', DATE))?.status).toBe('done');
  });

  it('takes over a dead holder past Feishu\'s hour: the card attempted but not recorded is found in the chat, not sent again', async () => {
    const { a, b, clock, server, moment: dead, fire: died } = await handMovedLeases(backend);
    const dying = fakeMessenger(server, { dieAfter: 2, beforeSend: (n) => n === 3 && died() });
    void runJob({ store: a, messenger: dying, clock, job: 'remind', date: DATE, build, lease: { replica: 'replica-a', leaseMs: 60_000 } });
    await dead;
    expect(await b.claimRun('default', 'remind', DATE, 'replica-b', 60_000)).toBe(false);
    await b.releaseRun('default', 'remind', DATE, 'replica-b');
    clock.advance(61 * 60_000);
    const looked: string[] = [];
    const messenger: Messenger = {
      ...fakeMessenger(server),
      findDelivered: async (message) => (looked.push(message.chat), server.posted.some((m) => m.key === message.key) ? 'om_found' : null),
    };
    const outcome = await runJob({ store: b, messenger, clock, job: 'remind', date: DATE, build, lease: { replica: 'replica-b', leaseMs: 60_000 } });
    expect(outcome).toEqual({ job: 'remind', date: DATE, status: 'done', sent: 6, failed: 0, pending: 0 });
    expect(looked).toEqual(['oc_3']);
    expect(server.duplicates()).toEqual([]);
    expect(server.posted.map((m) => m.chat)).toEqual(CHATS);
    expect((await b.messages('remind', DATE)).find((m) => m.chat === 'oc_3')?.messageId).toBe('om_found');
  });
});
