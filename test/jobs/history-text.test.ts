import { describe, expect, it } from 'vitest';
import { renderHistoryText } from '../../src/jobs/history-text.js';
import type { ReminderRecord } from '../../src/store/records.js';

const record = (fields: Partial<ReminderRecord>): ReminderRecord => ({
  taskId: '6', unit: '区交通局', chat: 'oc_work', mentions: ['ou_liaison'], kind: 'overdue', date: '2026-03-02', job: 'remind',
  outcome: 'sent', messageId: 'om_1', at: '2026-03-02T01:33:00.000Z', ...fields,
});

describe('renderHistoryText', () => {
  it('lists each reminder with date, task, unit, kind, mentions and outcome', () => {
    const text = renderHistoryText(
      [record({}), record({ date: '2026-03-03', kind: 'escalation', mentions: ['ou_liaison', 'ou_leader'], outcome: 'failed' })],
      { task: '6' },
    );
    expect(text.split('\n')).toEqual([
      '提醒记录（任务 6）：共 2 条',
      '2026-03-02  任务 6  区交通局  逾期催办  群 oc_work  @ou_liaison  已发送',
      '2026-03-03  任务 6  区交通局  建议督办  群 oc_work  @ou_liaison @ou_leader  发送失败',
    ]);
  });

  it('says when there is nothing to show', () => {
    expect(renderHistoryText([], { unit: '区民政局' })).toBe('提醒记录（区民政局）：共 0 条。');
  });
});
