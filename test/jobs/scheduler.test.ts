import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkCalendar, unknownYearNotice } from '../../src/calendar/chinese-calendar.js';
import { zonedInstant } from '../../src/calendar/zoned-time.js';
import type { Messenger } from '../../src/delivery/messenger.js';
import { configSchema } from '../../src/config/schema.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { jitterMinutes } from '../../src/jobs/schedule.js';
import type { JobName } from '../../src/jobs/schedule.js';
import type { RunContext } from '../../src/jobs/run-job.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import type { SchedulerOptions } from '../../src/jobs/scheduler.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeChatServer, fakeMessenger } from './fake-messenger.js';

const config = configSchema.parse({ sheet: 'tasks.csv' });
const calendar = createWorkCalendar();
/** The instant of a Shanghai wall-clock time, whatever TZ the tests run in. */
const shanghai = (date: string, time: string) => zonedInstant(date, time, 'Asia/Shanghai');

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function setup(start: Date, overrides: Partial<SchedulerOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'duban-sched-'));
  const store = await openStore(dir);
  opened.push(store);
  const clock = fixedClock(start);
  const server = fakeChatServer();
  const calls: [JobName, string][] = [];
  const job = (name: JobName) => (context: RunContext) => {
    calls.push([name, context.date]);
    return { messages: [{ chat: 'oc_leaders', key: `${name}|${context.date}|oc_leaders`, card: { job: name } }] };
  };
  const options: SchedulerOptions = {
    config,
    calendar,
    store,
    messenger: fakeMessenger(server),
    clock,
    jobs: { digest: job('digest'), remind: job('remind'), weekly: job('weekly'), monthly: job('monthly') },
    officeMessage: (text, key) => ({ chat: 'oc_office', key, card: { text } }),
    ...overrides,
  };
  return { scheduler: createScheduler(options), store, clock, server, calls, dir, options };
}

describe('scheduler', () => {
  it('runs each job at its local time on the make-up Saturday 2026-02-14, and nothing on the holiday', async () => {
    const { scheduler, clock, calls, server } = await setup(shanghai('2026-02-14', '09:00'));
    expect(await scheduler.tick()).toEqual([]);
    clock.set(shanghai('2026-02-14', `09:0${jitterMinutes('digest', '2026-02-14')}`));
    expect((await scheduler.tick()).map((o) => [o.job, o.status])).toEqual([['digest', 'done']]);
    clock.set(shanghai('2026-02-14', '09:29'));
    expect(await scheduler.tick()).toEqual([]);
    clock.set(shanghai('2026-02-14', '09:35'));
    expect((await scheduler.tick()).map((o) => o.job)).toEqual(['remind']);
    expect(await scheduler.tick()).toEqual([]);
    clock.set(shanghai('2026-02-16', '10:00')); // Spring Festival
    expect(await scheduler.tick()).toEqual([]);
    expect(calls).toEqual([
      ['digest', '2026-02-14'],
      ['remind', '2026-02-14'],
    ]);
    expect(server.posted).toHaveLength(2);
  });

  it('sends the weekly summary on the Wednesday before the National Day Friday', async () => {
    const { scheduler, calls } = await setup(shanghai('2026-09-30', '16:10'));
    await scheduler.tick();
    expect(calls).toEqual([
      ['digest', '2026-09-30'],
      ['remind', '2026-09-30'],
      ['weekly', '2026-09-30'],
    ]);
  });

  it('catches up a missed run still inside the window, and skips one outside it with the reason', async () => {
    const early = await setup(shanghai('2026-03-02', '14:00'));
    // Monday 2026-03-02 is also the month's first working day: the monthly notice runs too.
    expect((await early.scheduler.tick()).map((o) => [o.job, o.status])).toEqual([
      ['digest', 'done'],
      ['monthly', 'done'],
      ['remind', 'done'],
    ]);

    const late = await setup(shanghai('2026-03-02', '20:30'));
    expect(await late.scheduler.tick()).toEqual([]);
    expect(late.calls).toEqual([]);
    const skipped = (await late.store.getRun('digest', '2026-03-02'));
    expect(skipped?.status).toBe('skipped');
    expect(skipped?.detail).toMatch(/^missed: not run between 09:0\d and the end of the send window \(20:00\)$/);
  });

  it('on start, records the runs of days it was down as skipped and finishes an interrupted run', async () => {
    const { scheduler, store, clock, server, options } = await setup(shanghai('2026-02-27', '09:10'));
    await scheduler.tick(); // Friday: digest done
    // The remind run was interrupted: planned, one message pending.
    await store.startRun('remind', '2026-02-27', clock.now().toISOString(), [{ chat: 'oc_x', key: 'remind|2026-02-27|oc_x', card: {} }], []);
    clock.set(shanghai('2026-03-02', '09:40')); // back on Monday
    const restarted = createScheduler({ ...options, clock });
    await restarted.start();
    await restarted.stop();
    expect((await store.getRun('remind', '2026-02-27'))?.status).toBe('skipped');
    expect((await store.getRun('digest', '2026-02-28'))).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^missed: the service was not running on 2026-02-28/) });
    expect((await store.getRun('digest', '2026-03-01'))).toBeNull(); // Sunday: nothing was planned
    expect((await store.getRun('digest', '2026-03-02'))?.status).toBe('done');
    expect((await store.getRun('remind', '2026-03-02'))?.status).toBe('done');
    expect(server.posted.filter((m) => m.chat === 'oc_x')).toEqual([]);
  });

  it('tells the office once about a year without a holiday schedule', async () => {
    let year = 2026;
    while (calendar.knowsYear(year)) year += 1;
    // Mid-December of the last known year: the next year is inside the 31-day look-ahead.
    const date = `${year - 1}-12-15`;
    const { scheduler, clock, server, options } = await setup(shanghai(date, '07:30'));
    await scheduler.tick(); // before the send window: nothing yet
    expect(server.posted).toEqual([]);
    clock.set(shanghai(date, '08:30'));
    await scheduler.tick();
    clock.set(shanghai(date, '10:00'));
    await scheduler.tick();
    clock.set(shanghai(`${year - 1}-12-16`, '10:00'));
    await createScheduler({ ...options, clock }).tick();
    const notices = server.posted.filter((m) => m.chat === 'oc_office');
    expect(notices).toEqual([{ chat: 'oc_office', key: `notice|unknown-year:${year}`, card: { text: unknownYearNotice(year) } }]);
  });

  it('reports sheet problems when their fingerprint changes, once per change', async () => {
    let fingerprint = 'aaaa';
    const check = vi.fn(async () => ({ fingerprint, build: () => ({ messages: [{ chat: 'oc_office', key: `problems|${fingerprint}`, card: { fingerprint } }] }) }));
    const { scheduler, clock, server } = await setup(shanghai('2026-03-03', '08:10'), { sheetProblems: check, problemsEveryMinutes: 60 });
    await scheduler.tick();
    clock.set(shanghai('2026-03-03', '08:20'));
    await scheduler.tick(); // within the hour: not checked again
    clock.set(shanghai('2026-03-03', '09:15'));
    await scheduler.tick(); // checked, unchanged
    fingerprint = 'bbbb';
    clock.set(shanghai('2026-03-03', '10:20'));
    await scheduler.tick();
    expect(check).toHaveBeenCalledTimes(3);
    expect(server.posted.filter((m) => m.chat === 'oc_office').map((m) => m.key)).toEqual(['problems|aaaa', 'problems|bbbb']);
  });

  it('keeps ticking (and starts) when the ledger cannot be read for the sheet-problems check', async () => {
    const check = vi.fn(async () => Promise.reject(new Error('Google 表格暂时无法访问')));
    const { scheduler } = await setup(shanghai('2026-03-03', '09:40'), { sheetProblems: check });
    await expect(scheduler.start()).resolves.toBeUndefined();
    await scheduler.stop();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('retries a failed run after a pause inside the window, and leaves it failed after the window', async () => {
    const server = fakeChatServer();
    let refusing = true;
    const messenger = {
      send: (m: Parameters<Messenger['send']>[0]) => (refusing ? fakeMessenger(server, { refuse: [m.chat] }) : fakeMessenger(server)).send(m),
    };
    const { scheduler, store, clock } = await setup(shanghai('2026-03-03', '09:10'), { messenger, retryFailedAfterMinutes: 30 });
    await scheduler.tick();
    expect((await store.getRun('digest', '2026-03-03'))?.status).toBe('failed');
    refusing = false;
    clock.set(shanghai('2026-03-03', '09:20'));
    await scheduler.tick();
    expect((await store.getRun('digest', '2026-03-03'))?.status).toBe('failed');
    clock.set(shanghai('2026-03-03', '09:45'));
    expect((await scheduler.tick()).map((o) => [o.job, o.status])).toEqual([
      ['digest', 'done'],
      ['remind', 'done'],
    ]);
    refusing = true;
    clock.set(shanghai('2026-03-04', '09:40'));
    await scheduler.tick();
    clock.set(shanghai('2026-03-04', '20:30'));
    await scheduler.tick();
    expect((await store.getRun('digest', '2026-03-04'))?.status).toBe('failed');
    expect(server.posted.map((m) => m.key)).toEqual(['digest|2026-03-03|oc_leaders', 'remind|2026-03-03|oc_leaders']);
    expect(server.duplicates()).toEqual([]);
  });

  it('stop() waits for the message in flight and leaves the rest for the next start', async () => {
    const server = fakeChatServer();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = fakeMessenger(server);
    const messenger = { send: async (m: Parameters<typeof slow.send>[0]) => (await gate, slow.send(m)) };
    const twoChats = (context: RunContext) => ({
      messages: ['oc_a', 'oc_b'].map((chat) => ({ chat, key: `digest|${context.date}|${chat}`, card: {} })),
    });
    const { scheduler, store } = await setup(shanghai('2026-03-03', '09:10'), { messenger, jobs: { digest: twoChats, remind: twoChats, weekly: twoChats, monthly: twoChats } });
    const ticking = scheduler.tick();
    await vi.waitFor(async () => expect((await store.getRun('digest', '2026-03-03'))?.status).toBe('started'));
    const stopped = scheduler.stop();
    release();
    await stopped;
    await ticking;
    expect(server.received.map((m) => m.chat)).toEqual(['oc_a']);
    expect((await store.messages('digest', '2026-03-03')).map((m) => m.outcome)).toEqual(['sent', 'pending']);
    expect((await store.getRun('digest', '2026-03-03'))?.status).toBe('started');
  });
});
