import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage } from '../../src/delivery/messenger.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import type { BuiltRun } from '../../src/jobs/run-job.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeChatServer, fakeMessenger } from './fake-messenger.js';

const opened: Store[] = [];
async function open(dir: string): Promise<Store> {
  const store = await openStore(dir);
  opened.push(store);
  return store;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const DATE = '2026-03-02';
const clock = fixedClock('2026-03-02T01:33:00Z');
const chats = ['oc_1', 'oc_2', 'oc_3', 'oc_4', 'oc_5'];
const message = (chat: string, text = `提醒 ${chat}`): OutgoingMessage => ({ chat, key: `remind|${DATE}|${chat}`, card: { text } });
const fiveMessages = (text?: string): BuiltRun => ({ messages: chats.map((c) => message(c, text && `${text} ${c}`)) });

describe('runJob', () => {
  it('sends each message once, records the outcome, and leaves a finished run alone', async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const server = fakeChatServer();
    const messenger = fakeMessenger(server);
    const first = await runJob({ store, messenger, clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    expect(first).toEqual({ job: 'remind', date: DATE, status: 'done', sent: 5, failed: 0, pending: 0 });
    expect((await store.messages('remind', DATE)).map((m) => m.messageId)).toEqual(['om_1', 'om_2', 'om_3', 'om_4', 'om_5']);
    const build = vi.fn(() => fiveMessages());
    expect((await runJob({ store, messenger, clock, job: 'remind', date: DATE, build })).status).toBe('done');
    expect(build).not.toHaveBeenCalled();
    expect(messenger.sends).toBe(5);
  });

  it('after the process dies mid-run, a new process posts the rest: every message exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-run-'));
    const server = fakeChatServer();
    const dying = fakeMessenger(server, { dieAfter: 2 });
    // The third send reaches the chat but its reply never comes back: the first process is gone.
    const first = await open(dir);
    void runJob({ store: first, messenger: dying, clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    await vi.waitFor(() => expect(dying.sends).toBe(3));

    const restarted = await open(dir);
    expect((await restarted.messages('remind', DATE)).map((m) => m.outcome)).toEqual(['sent', 'sent', 'pending', 'pending', 'pending']);
    const messenger = fakeMessenger(server);
    // The ledger changed meanwhile: the stored messages are resent as they were, not rebuilt.
    const build = vi.fn(() => fiveMessages('changed'));
    const outcome = await runJob({ store: restarted, messenger, clock, job: 'remind', date: DATE, build });
    expect(outcome).toMatchObject({ status: 'done', sent: 5, pending: 0 });
    expect(build).not.toHaveBeenCalled();
    expect(messenger.sends).toBe(3);
    expect(server.posted.map((m) => m.chat)).toEqual(chats);
    // The send cut off mid-flight is sent again with the same key and card: Feishu posts it once.
    expect(server.duplicates().map((m) => m.chat)).toEqual(['oc_3']);
    expect([...server.sendsPerKey().values()]).toEqual([1, 1, 2, 1, 1]);
    expect(server.posted.map((m) => m.card.text)).toEqual(chats.map((c) => `提醒 ${c}`));
  });

  it('records a refused chat as failed, sends the others, and retries only the failed one', async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const server = fakeChatServer();
    const outcome = await runJob({ store, messenger: fakeMessenger(server, { refuse: ['oc_3'] }), clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    expect(outcome).toMatchObject({ status: 'failed', sent: 4, failed: 1 });
    expect((await store.getRun('remind', DATE))?.detail).toBe('1 of 5 not sent; oc_3: bot not in chat');
    const retry = fakeMessenger(server);
    expect((await runJob({ store, messenger: retry, clock, job: 'remind', date: DATE, build: () => fiveMessages() })).status).toBe('done');
    expect(retry.sends).toBe(1);
    expect(server.received.map((m) => m.chat)).toEqual(['oc_1', 'oc_2', 'oc_4', 'oc_5', 'oc_3']);
    expect(server.duplicates()).toEqual([]);
  });

  it('treats a messenger that throws like a failed send, and a rerun completes', async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const server = fakeChatServer();
    const crashing = fakeMessenger(server, {
      beforeSend: (n) => {
        if (n > 2) throw new Error('socket hang up');
      },
    });
    const outcome = await runJob({ store, messenger: crashing, clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    expect(outcome).toMatchObject({ status: 'failed', sent: 2, failed: 3 });
    expect((await store.messages('remind', DATE))[2].error).toBe('socket hang up');
    await runJob({ store, messenger: fakeMessenger(server), clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    expect(server.posted.map((m) => m.chat)).toEqual(chats);
    expect(server.duplicates()).toEqual([]);
  });

  it('stops after the message in flight when asked, and the next run finishes', async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const server = fakeChatServer();
    let stopping = false;
    const messenger = fakeMessenger(server, { beforeSend: (n) => void (stopping = n === 2) });
    const outcome = await runJob({ store, messenger, clock, job: 'remind', date: DATE, build: () => fiveMessages(), shouldContinue: () => !stopping });
    expect(outcome).toMatchObject({ status: 'started', sent: 2, pending: 3 });
    expect((await store.getRun('remind', DATE))?.status).toBe('started');
    await runJob({ store, messenger: fakeMessenger(server), clock, job: 'remind', date: DATE, build: () => fiveMessages() });
    expect(server.received.map((m) => m.chat)).toEqual(chats);
    expect(server.duplicates()).toEqual([]);
  });

  it("tells the builder which tasks were reminded today by any job, and logs each (task, unit, day) once", async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const messenger = fakeMessenger(fakeChatServer());
    const entry = (taskId: string, chat: string) => ({ taskId, unit: '区交通局', chat, mentions: ['ou_liaison'], kind: 'overdue' as const });
    await runJob({ store, messenger, clock, job: 'remind', date: DATE, build: () => ({ messages: [message('oc_1')], reminders: [entry('6', 'oc_1')] }) });
    const seen: boolean[] = [];
    const outcome = await runJob({
      store, messenger, clock, job: 'remind-manual', date: DATE,
      build: async (context) => {
        const reminded = await context.alreadyReminded();
        seen.push(reminded('6', '区交通局'), reminded('7', '区交通局'));
        return { messages: [message('oc_2')], reminders: [entry('6', 'oc_2'), entry('7', 'oc_2')] };
      },
    });
    expect(seen).toEqual([true, false]);
    expect(outcome).toMatchObject({ status: 'done', sent: 1 });
    expect((await store.history()).map((r) => [r.taskId, r.job, r.chat, r.outcome])).toEqual([
      ['6', 'remind', 'oc_1', 'sent'],
      ['7', 'remind-manual', 'oc_2', 'sent'],
    ]);
  });

  it('records a builder failure on the run', async () => {
    const store = await open(mkdtempSync(join(tmpdir(), 'duban-run-')));
    const build = () => Promise.reject(new Error('sheet unreachable'));
    const outcome = await runJob({ store, messenger: fakeMessenger(fakeChatServer()), clock, job: 'digest', date: DATE, build });
    expect(outcome.status).toBe('failed');
    expect((await store.getRun('digest', DATE))?.detail).toBe('could not build the messages: sheet unreachable');
  });
});
