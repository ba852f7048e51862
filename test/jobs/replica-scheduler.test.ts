/**
 * Two schedulers (replicas) on one PostgreSQL database: a due run is started by one; when that replica dies mid-run
 * the other looks again as soon as the lease expires and finishes the run, each chat getting its message once.
 */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, unknownYearNotice } from '../../src/calendar/chinese-calendar.js';
import { zonedInstant } from '../../src/calendar/zoned-time.js';
import { configSchema } from '../../src/config/schema.js';
import type { Messenger, OutgoingMessage } from '../../src/delivery/messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { jitterMinutes } from '../../src/jobs/schedule.js';
import { createScheduler, type SchedulerOptions } from '../../src/jobs/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { BACKENDS, cleanUpStores, twoHandles } from '../support/store-backends.js';
import { fakeChatServer, fakeMessenger } from './fake-messenger.js';

const opened = cleanUpStores();
const DATE = '2026-03-02';
const CHATS = ['oc_1', 'oc_2', 'oc_3', 'oc_4'];
const LEASE_MS = 300;

/** A process that died: every call to its store or messenger from now on never returns. */
function dies<T extends object>(target: T, dead: () => boolean): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (dead() ? new Promise(() => {}) : value.apply(object, args));
    },
  });
}

describe('two schedulers on postgresql', () => {
  it('takes over the run of a replica that died mid-run once its lease expires', async () => {
    const { a, b } = await twoHandles(BACKENDS[1], opened);
    const server = fakeChatServer();
    const clock = fixedClock(zonedInstant(DATE, `09:0${jitterMinutes('digest', DATE) + 1}`, 'Asia/Shanghai'));
    let dead = false;
    const messengerA = fakeMessenger(server, { beforeSend: (n) => void (dead = n === 3 || dead) });
    const replica = (store: Store, messenger: Messenger, name: string): SchedulerOptions => ({
      config: configSchema.parse({ sheet: 'tasks.csv' }),
      calendar: createWorkCalendar(),
      store,
      messenger,
      clock,
      jobs: { digest: () => ({ messages: CHATS.map((chat): OutgoingMessage => ({ chat, key: `digest|${DATE}|${chat}`, card: { chat } })) }) },
      officeMessage: () => null,
      lease: { replica: name, leaseMs: LEASE_MS },
    });
    const schedulerA = createScheduler(replica(dies(a, () => dead), dies(messengerA, () => dead), 'replica-a'));
    const schedulerB = createScheduler(replica(b, fakeMessenger(server), 'replica-b'));
    void schedulerA.tick();
    while ((await b.leases()).length === 0) await new Promise((r) => setTimeout(r, 5));
    const [skipped] = await schedulerB.tick();
    expect([skipped.job, skipped.status, skipped.heldElsewhere?.replica]).toEqual(['digest', 'started', 'replica-a']);

    // No tick is called again: replica B looks again by itself once replica A's lease has expired.
    const started = Date.now();
    while ((await b.getRun('digest', DATE))?.status !== 'done') {
      if (Date.now() - started > 5_000) throw new Error('replica B did not take the run over');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.posted.map((m) => m.chat)).toEqual(CHATS);
    expect(server.duplicates().map((m) => m.chat)).toEqual(['oc_3']);
    expect((await b.messages('digest', DATE)).map((m) => m.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await b.leases()).toEqual([]);
    await schedulerB.stop();
  });

  it('sends each run, the holiday-year notice and the sheet problems once when both tick at the same moment', async () => {
    const { a, b } = await twoHandles(BACKENDS[1], opened);
    const calendar = createWorkCalendar();
    let year = 2026;
    while (calendar.knowsYear(year)) year += 1;
    const date = `${year - 1}-12-15`;
    const clock = fixedClock(zonedInstant(date, '10:00', 'Asia/Shanghai'));
    const server = fakeChatServer();
    const job = (name: string) => () => ({ messages: CHATS.map((chat): OutgoingMessage => ({ chat, key: `${name}|${date}|${chat}`, card: { name } })) });
    const replica = (store: Store, name: string): SchedulerOptions => ({
      config: configSchema.parse({ sheet: 'tasks.csv' }),
      calendar,
      store,
      messenger: { send: async (m) => (await new Promise((r) => setTimeout(r, 10)), fakeMessenger(server).send(m)) },
      clock,
      jobs: { digest: job('digest'), remind: job('remind') },
      officeMessage: (text, key) => ({ chat: 'oc_office', key, card: { text } }),
      sheetProblems: async () => ({ fingerprint: 'aaaa', build: () => ({ messages: [{ chat: 'oc_office', key: 'problems|aaaa', card: { problems: 1 } }] }) }),
      lease: { replica: name, leaseMs: LEASE_MS },
    });
    const schedulers = [createScheduler(replica(a, 'replica-a')), createScheduler(replica(b, 'replica-b'))];
    await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    // Whatever one replica found held by the other, it looks at again after the lease: by then it is done.
    await new Promise((r) => setTimeout(r, LEASE_MS + 200));
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    expect([...server.sendsPerKey().values()].every((n) => n === 1)).toBe(true);
    expect(server.received.filter((m) => m.chat === 'oc_office').map((m) => m.key).sort()).toEqual([`notice|unknown-year:${year}`, 'problems|aaaa']);
    expect(server.received.find((m) => m.key.startsWith('notice|'))?.card).toEqual({ text: unknownYearNotice(year) });
    expect(server.received).toHaveLength(2 * CHATS.length + 2);
    expect(await a.leases()).toEqual([]);
  });
});
