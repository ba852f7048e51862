import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRun, notReported } from '../../src/app/collection.js';
import { readLedger } from '../../src/app/read-ledger.js';
import { digestRun, remindRun, type RunInputs } from '../../src/app/runs.js';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { fixedClock } from '../../src/jobs/clock.js';
import { runJob } from '../../src/jobs/run-job.js';
import { resolveOptions } from '../../src/reports/options.js';
import { collectionDay, unreportedUnits } from '../../src/reports/collect.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { loopLedger } from '../support/loop-ledger.js';

const calendar = createWorkCalendar();
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function inputs(today: string, settings: Record<string, unknown> = {}) {
  const ledger = loopLedger();
  const store = await openStore(mkdtempSync(join(tmpdir(), 'duban-loop-remind-')));
  stores.push(store);
  const urgents: { messageId: string; openIds: string[] }[] = [];
  const config = configSchema.parse({ sheet: 'tasks.csv', chats: { office: 'oc_office' }, ...settings });
  const run: RunInputs = {
    parsed: await readLedger(ledger.source, today), today, calendar, options: resolveOptions(), config, store, sheetUrl: null,
    delivery: { resolveMentions: async (accounts) => ({ ids: new Map(accounts.filter((a) => a.startsWith('ou_')).map((a) => [a, a])), unresolved: [] }) },
    urgent: async (messageId, openIds) => {
      urgents.push({ messageId, openIds });
      return [];
    },
  };
  return { run, store, urgents };
}

/** Sends a run's messages through a messenger that accepts everything, numbering the message ids. */
const send = (store: Store, job: string, date: string, build: () => ReturnType<typeof remindRun>) => {
  let n = 0;
  return runJob({ store, job, date, clock: fixedClock(`${date}T02:00:00Z`), messenger: { send: async () => ({ ok: true, messageId: `om_${job}${++n}`, error: null }) }, build });
};
const text = (card: unknown) => JSON.stringify(card);

describe('签收 in the reminders', () => {
  it("escalates a task its unit has not acknowledged within reminders.ackWithinWorkdays, @-mentioning the leader, with 加急 when urgent is app", async () => {
    const { run, store, urgents } = await inputs('2022-06-27', { reminders: { urgent: 'app' } });
    await send(store, 'remind', '2022-06-27', () => remindRun(run, null));
    expect(urgents).toEqual([]);
    // The next working day, task 8 (due 06-28) and task 6 were not acknowledged: both are escalated.
    const tuesday = { ...run, today: '2022-06-28', parsed: run.parsed };
    await store.recordAck({ taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: '2022-06-27T03:00:00.000Z' });
    const built = await remindRun(tuesday, null);
    const card = built.messages.find((m) => m.chat === 'oc_transport')!.card;
    expect(text(card)).toContain('【未签收】');
    expect(text(card)).toContain('<at id=ou_li></at> 有任务提醒后未签收，请督促。');
    expect(built.reminders?.filter((r) => r.chat === 'oc_transport').map((r) => [r.taskId, r.kind])).toEqual([['8', 'escalation']]);
    await send(store, 'remind', '2022-06-28', async () => built);
    // 区商务委 never acknowledged its overdue task 7 either: its liaison gets 加急 on its own group's card.
    expect(urgents).toEqual([{ messageId: 'om_remind1', openIds: ['ou_wang'] }, { messageId: 'om_remind2', openIds: ['ou_guo'] }]);
  });

  it('does not escalate when ackWithinWorkdays is 0', async () => {
    const { run, store } = await inputs('2022-06-27', { reminders: { ackWithinWorkdays: 0 } });
    await send(store, 'remind', '2022-06-27', () => remindRun(run, null));
    const built = await remindRun({ ...run, today: '2022-06-28' }, null);
    expect(text(built.messages)).not.toContain('【未签收】');
  });
});

describe('monthly progress collection (催报)', () => {
  it('finds the collection day, moved back to a working day', () => {
    expect(collectionDay('2022-06-03', 25, calendar)).toBe('2022-06-24'); // the 25th is a Saturday
    expect(collectionDay('2022-02-10', 28, calendar)).toBe('2022-02-28');
  });

  it('chases the units whose open tasks have no update this month, one card per chat, and the digest lists them after the day', async () => {
    const { run, store } = await inputs('2022-06-24', { collect: { day: 25 }, chats: { office: 'oc_office', leaders: 'oc_leaders' } });
    expect(unreportedUnits(run.parsed.ledger, '2022-06-24', () => false)).toEqual([{ unit: '区交通局', taskIds: ['8'] }, { unit: '区商务委', taskIds: ['7'] }]);
    await store.createRequest({ kind: 'progress', taskId: '7', unit: '区商务委', by: '郭芳', byAccount: 'ou_guo', at: '2022-06-10T02:00:00.000Z', status: 'approved' });
    const built = await collectRun(run);
    expect(built.messages.map((m) => [m.chat, m.key])).toEqual([['oc_transport', 'collect|2022-06-24|oc_transport']]);
    expect(text(built.messages[0].card)).toContain('6月进展催报 · 2022-06-24');
    expect(text(built.messages[0].card)).toContain('<at id=ou_wang></at>');
    expect(text(built.messages[0].card)).toContain('"action":"progress","task":"8"');
    expect(await notReported({ ...run, store })).toBeUndefined();
    const after = { ...run, today: '2022-06-27' };
    expect(await notReported({ ...after, store })).toEqual([{ unit: '区交通局', taskIds: ['8'] }]);
    const digest = await digestRun(after);
    expect(text(digest.messages[0].card)).toContain('本月未报送进展（1 个单位）');
    expect(text(digest.messages[0].card)).toContain('区交通局**：#8');
  });
});
