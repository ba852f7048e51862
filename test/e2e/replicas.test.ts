/**
 * End to end: two `duban serve` processes on one PostgreSQL database against the loopback Feishu server (real SDK),
 * a reminder run to twelve unit groups. The replica that holds the run is killed (SIGKILL) before its first send,
 * mid-run, and after its last send before the run was finished; the other takes the run over when the lease expires
 * (2 s). Every group gets its reminder exactly once (one message, one uuid), the leaders the digest once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore, openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { freshSchemaUrl } from '../support/store-backends.js';
import { CONTACTS, MESSAGES, replicaWorld, until, type ReplicaWorld, type ServeReplica } from '../support/serve-replicas.js';

let world: ReplicaWorld | null = null;
let db: Store | null = null;
afterEach(async () => {
  await world?.close();
  await db?.close();
  world = db = null;
});

/** A new database (a schema of the test server) with duban's tables, and a handle on it for the test. */
async function database(): Promise<{ url: string; store: Store }> {
  const url = await freshSchemaUrl();
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-replicas-db-'));
  await migrateStore(dataDir, url);
  return { url, store: await openStore(dataDir, url) };
}

const holds = (store: Store, replica: string) => async () => (await store.leases()).some((l) => l.job === 'remind' && l.replica === replica);
const finished = (store: Store, job: string, date: string) => async () => (await store.getRun(job, date))?.status === 'done';
const unitPosts = (w: ReplicaWorld) => w.chats.units.flatMap((chat) => w.postsTo(chat)).length;

/** Every group has exactly one message, posted under one uuid; the leaders one digest. */
function expectEachOnce(w: ReplicaWorld): void {
  expect(w.chats.units.map((chat) => w.im.inChat(chat).length)).toEqual(w.chats.units.map(() => 1));
  expect(w.chats.units.map((chat) => new Set(w.postsTo(chat).map((p) => p.uuid)).size)).toEqual(w.chats.units.map(() => 1));
  expect(w.im.inChat(w.chats.leaders)).toHaveLength(1);
  expect(new Set(w.postsTo(w.chats.leaders).map((p) => p.uuid)).size).toBe(1);
  const office = w.im.inChat(w.chats.office).map((m) => m.content);
  expect(new Set(office).size).toBe(office.length);
}

const KILL_POINTS: { when: string; hold?: boolean; killWhen: (w: ReplicaWorld) => boolean; survivor: string; resent: number }[] = [
  // Replica A is looking up a liaison's account while building the run: nothing sent yet; B builds it.
  { when: 'before its first send', hold: true, killWhen: (w) => w.server.requestsTo(CONTACTS).length > 0 && unitPosts(w) === 0, survivor: 'run.planned', resent: 0 },
  // B resumes the stored run; the card in flight when A died is sent again under its uuid (Feishu keeps one).
  { when: 'mid-run', killWhen: (w) => unitPosts(w) >= 5, survivor: 'run.resumed', resent: 1 },
  // The last card's request has reached Feishu (which posts it), the answer has not come back: nothing records it.
  { when: 'after its last send, before the run is finished', killWhen: (w) => unitPosts(w) === w.chats.units.length, survivor: 'run.resumed', resent: 1 },
];

describe('two duban serve replicas on one PostgreSQL database', () => {
  it.each(KILL_POINTS)('the survivor finishes the reminder run when the holder is killed $when', async ({ hold, killWhen, survivor, resent }) => {
    const { url, store } = await database();
    db = store;
    const w = (world = await replicaWorld(url));
    // Feishu takes a while over each message, so the run lasts long enough to be cut.
    w.server.fault({ method: 'POST', path: MESSAGES, times: Infinity, respond: { delayMs: 200 } });
    if (hold) w.server.fault({ method: 'POST', path: CONTACTS, times: 1, respond: { delayMs: 4_000 } });
    const a = await w.start('replica-a');
    await until('replica A to hold the reminder run', holds(store, 'replica-a'));
    const b = await w.start('replica-b');
    await until(`the moment to kill replica A`, () => killWhen(w), 20_000);
    await a.kill();
    await until('the reminder run to be finished', finished(store, 'remind', w.date));
    await until('the digest run to be finished', finished(store, 'digest', w.date));
    // Let any request still held by the server land before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectEachOnce(w);
    expect(b.stderr().split('\n').some((line) => line.includes(survivor) && line.includes('"job":"remind"'))).toBe(true);
    // A resend is the card in flight when A died (only a test process starved for 100 ms would kill between cards).
    expect(unitPosts(w) - w.chats.units.length).toBeLessThanOrEqual(resent);
    expect((await store.messages('remind', w.date)).filter((m) => m.outcome === 'sent')).toHaveLength(w.chats.units.length);
  }, 60_000);

  it('reports on /healthz which replica it is and which replica holds the run, and logs the holder', async () => {
    const { url, store } = await database();
    db = store;
    const w = (world = await replicaWorld(url));
    w.server.fault({ method: 'POST', path: MESSAGES, times: Infinity, respond: { delayMs: 400 } });
    const a = await w.start('replica-a');
    await until('replica A to hold the reminder run', holds(store, 'replica-a'));
    const b = await w.start('replica-b');
    let health = null as Awaited<ReturnType<ServeReplica['health']>> | null;
    await until('replica B to answer /healthz', async () => (health = await b.health().catch(() => null)) !== null);
    expect(health!.replica).toBe('replica-b');
    const remind = health!.leases.find((l) => l.job === 'remind');
    expect(remind && [remind.ledger, remind.date, remind.replica]).toEqual(['default', w.date, 'replica-a']);
    expect(Date.parse(remind!.expiresAt)).toBeGreaterThan(Date.parse(remind!.acquiredAt));
    expect((await a.health()).replica).toBe('replica-a');
    // Replica B's scheduler found the run held and said by whom.
    await until('replica B to log the holder', () => b.stderr().split('\n').some((line) => line.includes('run.held_elsewhere') && line.includes('"replica":"replica-a"')));
    await until('the reminder run to be finished', finished(store, 'remind', w.date));
    expectEachOnce(w);
  }, 60_000);
});

describe('one duban serve replica restarted mid-run', () => {
  it.each([
    { backend: 'sqlite', anonymous: false },
    { backend: 'postgresql', anonymous: true },
  ])('resumes the reminder run without doubles ($backend)', async ({ backend, anonymous }) => {
    const { url, store } = backend === 'postgresql' ? await database() : { url: null, store: null };
    db = store;
    const w = (world = await replicaWorld(url));
    w.server.fault({ method: 'POST', path: MESSAGES, times: Infinity, respond: { delayMs: 120 } });
    const first = await w.start('replica-a', { anonymous });
    await until('half the reminders to be sent', () => unitPosts(w) >= 6);
    await first.kill();
    // The same data directory; on PostgreSQL a new replica id, which takes the run over when its old lease expires.
    await w.start('replica-a', { anonymous });
    await until('every group to have its reminder', () => w.chats.units.every((chat) => w.im.inChat(chat).length > 0) && w.im.inChat(w.chats.leaders).length > 0);
    if (store) await until('the reminder run to be finished', finished(store, 'remind', w.date));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expectEachOnce(w);
  }, 60_000);
});
