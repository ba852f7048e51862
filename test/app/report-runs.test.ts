/**
 * The scheduled monthly job: on the first working day of a month, last month's 督办通报 (its Word file and a summary
 * card) to the leaders, or, without a snapshot of last month, a notice to the office; stored so a rerun sends it again.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { monthlyRun, REPORTS_DIR } from '../../src/app/report-runs.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { snapshotLedger } from '../../src/reports/changes.js';
import { resolveOptions } from '../../src/reports/options.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { makeDirectory, makeLedger, makeTask } from '../support/make-task.js';

const TODAY = '2026-03-02'; // Monday, the first working day of March
const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function run(withSnapshot: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-monthly-run-'));
  const store = await openStore(dataDir);
  opened.push(store);
  const ledger = makeLedger([makeTask({ id: '1', title: '道路巡检', lead: ['区交通局'], due: '2026-02-10' })]);
  if (withSnapshot) await store.saveSnapshot(snapshotLedger(ledger, '2026-02-27'));
  const built = await monthlyRun({
    parsed: { ledger, directory: makeDirectory(ledger), revision: null },
    today: TODAY, calendar: weekendCalendar, options: resolveOptions(),
    config: configSchema.parse({ sheet: 'tasks.csv', chats: { leaders: 'oc_leaders', office: 'oc_office' } }),
    store, delivery: { resolveMentions: async () => ({ ids: new Map(), unresolved: [] }) }, sheetUrl: null, dataDir,
  });
  return { built, dataDir };
}

describe('the monthly job', () => {
  it('posts last month’s 督办通报 file and summary card to the leaders', async () => {
    const { built, dataDir } = await run(true);
    expect(built.messages).toHaveLength(1);
    const [message] = built.messages;
    expect(message).toMatchObject({ chat: 'oc_leaders', key: 'monthly|2026-02|oc_leaders', file: { name: '督办通报（2026年2月）.docx', type: 'doc' } });
    expect(message.file!.path).toBe(join(dataDir, REPORTS_DIR, '督办通报（2026年2月）.docx'));
    expect(existsSync(message.file!.path)).toBe(true);
    expect((message.card.header as { title: { content: string } }).title.content).toBe('督办通报（2026年2月）');
  });

  it('tells the office when last month has no snapshot', async () => {
    const { built } = await run(false);
    expect(built.messages.map((m) => [m.chat, m.key, m.file])).toEqual([['oc_office', 'monthly|2026-02|notice', undefined]]);
    expect(JSON.stringify(built.messages[0].card)).toContain('2026-02 没有台账快照');
  });
});
