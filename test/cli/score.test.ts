/**
 * `duban score` on a past month from the store (its snapshots, reminder log and 签收 records) and on the current
 * month from the ledger; a month without snapshots is not scored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerSnapshot, TaskSnapshot } from '../../src/reports/changes.js';
import { openStore } from '../../src/store/open-store.js';
import { runDuban } from '../support/run-cli.js';

const TODAY = '2026-03-11';

const task = (fields: Partial<TaskSnapshot>): TaskSnapshot => ({
  status: 'in_progress', progress: null, due: null, noteHash: '', updated: null, start: null, originalDue: null, closed: null,
  extensions: null, extended: false, lead: [], ...fields,
});

async function setup(): Promise<{ cwd: string; env: NodeJS.ProcessEnv }> {
  const cwd = mkdtempSync(join(tmpdir(), 'duban-score-'));
  writeFileSync(join(cwd, 'tasks.csv'), [
    '编号,任务,责任单位,截止日期,状态,更新时间',
    '1,道路巡检,区甲局,2025-11-14,进行中,2026-03-02',
    '2,桥梁检测,区乙局,2025-11-10,已完成,',
    '3,公园维护,区乙局,2026-12-31,进行中,2026-03-02',
  ].join('\n'));
  writeFileSync(join(cwd, 'duban.yaml'), JSON.stringify({ sheet: 'tasks.csv' }));
  // runDuban sets DUBAN_DATA_DIR to <cwd>/.duban.
  const store = await openStore(join(cwd, '.duban'));
  // November 2025 (no public holiday): snapshots on Thursday 11-20 and Friday 11-28; the 催报 day is Tuesday 11-25.
  const snapshot = (date: string, tasks: Record<string, TaskSnapshot>): LedgerSnapshot => ({ date, tasks });
  await store.saveSnapshot(snapshot('2025-11-20', {
    '1': task({ lead: ['区甲局'], due: '2025-11-14', updated: '2025-11-20' }),
    '2': task({ lead: ['区乙局'], due: '2025-11-10', status: 'done', closed: '2025-11-07' }),
    '3': task({ lead: ['区乙局'], due: '2025-12-31', updated: '2025-11-03' }),
  }));
  await store.saveSnapshot(snapshot('2025-11-28', {
    '1': task({ lead: ['区甲局'], due: '2025-11-14', updated: '2025-11-20' }),
    '2': task({ lead: ['区乙局'], due: '2025-11-10', status: 'done', closed: '2025-11-07' }),
    '3': task({ lead: ['区乙局'], due: '2025-12-31', updated: '2025-11-26' }),
  }));
  // 区甲局 was first reminded of #1 at 09:02 on 11-17 and acknowledged it at 13:02.
  await store.startRun('remind', '2025-11-17', '2025-11-17T01:01:00Z', [{ chat: 'oc_a', card: {}, key: 'remind|2025-11-17|oc_a' }],
    [{ taskId: '1', unit: '区甲局', chat: 'oc_a', mentions: [], kind: 'overdue' }]);
  await store.recordDelivery('remind', '2025-11-17', 'oc_a', { outcome: 'sent', at: '2025-11-17T01:02:00Z', messageId: 'om_1' });
  await store.recordAck({ taskId: '1', unit: '区甲局', by: '张三', byAccount: null, at: '2025-11-17T05:02:00Z' });
  await store.close();
  return { cwd, env: { DUBAN_CONFIG: join(cwd, 'duban.yaml') } };
}

describe('duban score', () => {
  it('scores a past month from its last snapshot and the store’s logs', async () => {
    const { cwd, env } = await setup();
    const run = await runDuban(['score', '--month', '2025-11', '--json', '--today', TODAY], { cwd, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = run.json();
    expect(json).toMatchObject({ month: '2025-11', available: true, asOf: '2025-11-28', from: 'snapshot', collectDate: '2025-11-25', reportsDue: true });
    // 区甲局: #1 overdue 10 working days (11-17 … 11-28) over 1 task: 30 × (1 − 10/20) = 15; reported on 11-20;
    // acknowledged after 4 hours: 10 × (1 − 4/72) = 9.4; nothing done on time of 1 due: 0 → 44.4.
    // 区乙局: #2 done on 11-07 before its deadline; #3 reported on 11-03 (the 11-20 snapshot) → 100.
    expect(json.units.map((u: Record<string, unknown>) => [u.rank, u.unit, u.score, u.overdueWorkdays, u.missedReports, u.ackHours])).toEqual([
      [1, '区乙局', 100, 0, 0, null],
      [2, '区甲局', 44.4, 10, 0, 4],
    ]);
  });

  it('scores the current month from the ledger, and refuses a month without snapshots', async () => {
    const { cwd, env } = await setup();
    const current = await runDuban(['score', '--json', '--today', TODAY], { cwd, env });
    expect(current.code).toBe(0);
    expect(current.json()).toMatchObject({ month: '2026-03', asOf: TODAY, from: 'ledger', reportsDue: false });
    const none = await runDuban(['score', '--month', '2025-10', '--json', '--today', TODAY], { cwd, env });
    expect(none.code).toBe(1);
    expect(none.json()).toEqual({
      month: '2025-10', units: [], available: false,
      message: '2025-10 没有台账快照（duban serve 每个工作日发出日报后保存一份），无法计算该月的考核；只能统计有快照的月份和本月。',
    });
    const text = await runDuban(['score', '--month', '2025-11', '--today', TODAY], { cwd, env });
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      '单位考核 · 2025年11月',
      '=====================',
      '依据：2025-11-28 的台账快照；催报日 2025-11-25。',
      '满分 100：按期完成 40、逾期 30、延期 10、进度报送 10、签收 10（规则见 docs/scoring.md）。',
    ]);
  });
});
