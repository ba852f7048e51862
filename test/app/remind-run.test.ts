/**
 * The remind run sends one message per chat: reminders for units without a work group go to the office chat, and the
 * office's to-do list (units without a liaison) must reach that chat too, not be dropped as a second message to it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { remindRun, type RunInputs } from '../../src/app/runs.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { resolveOptions } from '../../src/reports/options.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeChatServer, fakeMessenger } from '../jobs/fake-messenger.js';
import { makeDirectory, makeLedger, makeTask, makeUnit } from '../support/make-task.js';

const TODAY = '2026-03-02';
const OFFICE = 'oc_office';
const WORK = 'oc_work';
const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function inputs(store: Store, chats: [string | null, string | null]): RunInputs {
  const ledger = makeLedger(
    [makeTask({ id: '1', lead: ['交通局'], due: '2026-02-20' }), makeTask({ id: '2', lead: ['水利局'], due: '2026-02-21' })],
    [makeUnit('交通局', { chat: chats[0] }), makeUnit('水利局', { chat: chats[1] })],
  );
  return {
    parsed: { ledger, directory: makeDirectory(ledger, ledger.units), revision: null },
    today: TODAY,
    calendar: weekendCalendar,
    options: resolveOptions(),
    config: configSchema.parse({ sheet: 'tasks.csv', chats: { office: OFFICE } }),
    store,
    delivery: { resolveMentions: async () => ({ ids: new Map(), unresolved: [] }) },
    sheetUrl: null,
  };
}

async function sentCards(chats: [string | null, string | null]): Promise<Map<string, string[]>> {
  const store = await openStore(mkdtempSync(join(tmpdir(), 'duban-remind-run-')));
  opened.push(store);
  const server = fakeChatServer();
  const run = inputs(store, chats);
  const outcome = await runJob({ store, messenger: fakeMessenger(server), clock: fixedClock(`${TODAY}T01:33:00Z`), job: 'remind', date: TODAY, build: (ctx) => remindRun(run, ctx) });
  expect(outcome.status).toBe('done');
  const byChat = new Map<string, string[]>();
  for (const m of server.posted) byChat.set(m.chat, [...(byChat.get(m.chat) ?? []), JSON.stringify(m.card)]);
  return byChat;
}

describe('remindRun', () => {
  it('puts the office to-do list into the office chat that also carries reminders of units without a group', async () => {
    const cards = await sentCards([null, null]);
    expect([...cards.keys()]).toEqual([OFFICE]);
    const office = cards.get(OFFICE)!.join('\n');
    expect(office).toContain('交通局');
    expect(office).toContain('水利局');
    expect(office).toContain('没有联络员账号');
  });

  it('merges a unit whose own group is the office chat with the units that have no group', async () => {
    const cards = await sentCards([null, OFFICE]);
    expect(cards.get(OFFICE)).toHaveLength(1);
    expect(cards.get(OFFICE)![0]).toContain('交通局');
    expect(cards.get(OFFICE)![0]).toContain('水利局');
  });

  it('sends the office list on its own when every reminder has a work group', async () => {
    const cards = await sentCards([WORK, WORK]);
    expect(cards.get(WORK)).toHaveLength(1);
    expect(cards.get(WORK)![0]).toContain('水利局');
    expect(cards.get(OFFICE)!.join('\n')).toContain('没有联络员账号');
  });
});
