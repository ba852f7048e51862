/** `duban notice ID`: the 督办通知单 with the task's trail from the store, as `duban history` tells it. */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { openDocx, paragraphs } from '../support/office-xml.js';
import { runDuban } from '../support/run-cli.js';

const TODAY = '2022-06-27';

describe('duban notice', () => {
  it('gives the original deadline, the overdue working days, the reason, the reply date and the trail', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'duban-notice-'));
    const store = await openStore(join(cwd, '.duban'));
    // Task 4 of the bundled example (区林业局, due 2022-05-31): reminded on 06-01 09:03, acknowledged at 10:03, an
    // extension from 05-20 granted earlier (so its original deadline was 05-20).
    await store.createRequest({ kind: 'extend', taskId: '4', unit: '区林业局', by: '孙丽华', byAccount: null, at: '2022-05-18T02:00:00.000Z', oldDue: '2022-05-20', newDue: '2022-05-31', reason: '苗木未到' });
    await store.decideRequest('R1', { status: 'approved', by: '张主任', at: '2022-05-19T02:00:00.000Z' });
    await store.startRun('remind', '2022-06-01', '2022-06-01T01:02:00.000Z', [{ chat: 'oc_f', card: {}, key: 'remind|2022-06-01|oc_f' }],
      [{ taskId: '4', unit: '区林业局', chat: 'oc_f', mentions: [], kind: 'overdue' }]);
    await store.recordDelivery('remind', '2022-06-01', 'oc_f', { outcome: 'sent', at: '2022-06-01T01:03:00.000Z', messageId: 'om_1' });
    await store.recordAck({ taskId: '4', unit: '区林业局', by: '孙丽华', byAccount: null, at: '2022-06-01T02:03:00.000Z' });
    await store.close();

    const json = await runDuban(['notice', '4', '--json', '--today', TODAY], { cwd });
    expect(json.code).toBe(0);
    expect(json.json()).toEqual({
      id: '4', escalated: true, originalDue: '2022-05-20', due: '2022-05-31', workdaysOverdue: 18, level: 'red',
      reason: '逾期 18 个工作日，落后序时进度 20 个百分点', replyBy: '2022-06-30',
      trail: [
        { date: '2022-05-18', event: '申请', detail: '区林业局 孙丽华 延期申请 2022-05-20 → 2022-05-31，原因：苗木未到' },
        { date: '2022-05-19', event: '审核', detail: '区林业局 张主任 同意' },
        { date: '2022-06-01', event: '提醒', detail: '区林业局 逾期催办 → 群 oc_f（已发送）' },
        { date: '2022-06-01', event: '签收', detail: '区林业局 孙丽华 签收' },
      ],
    });

    const file = await runDuban(['notice', '4', '--out', 'notice.docx', '--today', TODAY], { cwd });
    expect(file.code).toBe(0);
    const text = paragraphs(await (await openDocx(readFileSync(join(cwd, 'notice.docx')))).xml('word/document.xml'));
    expect(text.slice(0, 3)).toEqual(['督办通知单', '（任务 #4）', '区林业局：']);
    const at = text.indexOf('原截止日期');
    expect(text.slice(at, at + 6)).toEqual(['原截止日期', '2022-05-20', '现截止日期', '2022-05-31', '逾期情况', '逾期 18 个工作日（27 天）']);
    expect(text).toContain('督办记录');
    expect(text).toContain('区林业局 张主任 同意');
  });

  it('says so for an id the ledger does not have', async () => {
    const run = await runDuban(['notice', '99', '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('台账中找不到编号为“99”的任务。\n');
  });
});
