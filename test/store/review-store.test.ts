/** The store's part of the 督办 loop beyond the agreed request API: claims, where a request was made, when it was written, first reminders; on both backends. */
import { describe, expect, it } from 'vitest';
import { BACKENDS, cleanUpStores, freshStore } from '../support/store-backends.js';

const opened = cleanUpStores();
const AT = '2022-06-27T02:00:00.000Z';
const extension = { kind: 'extend' as const, taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: AT, newDue: '2022-07-31', oldDue: '2022-06-30', reason: '雨季施工' };

describe.each(BACKENDS)('the loop in the store on $name', (backend) => {
  const open = async () => {
    const { store } = await freshStore(backend);
    opened.push(store);
    return store;
  };

  it('keeps where a request was made, its thread, its status word, and when it was written', async () => {
    const store = await open();
    await store.createRequest({ kind: 'progress', taskId: '8', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: AT, statusWord: '已完成', chat: 'oc_a', sourceMessageId: 'om_src' });
    await store.setRequestReply('R1', 'om_reply');
    expect(await store.decideRequest('R1', { status: 'approved', by: '张主任', at: AT, writtenAt: AT })).toMatchObject({
      statusWord: '已完成', chat: 'oc_a', sourceMessageId: 'om_src', replyMessageId: 'om_reply', status: 'approved', writtenAt: AT,
    });
  });

  it('lets one claim at a time decide; a failed write-back can be claimed again; a decided one never', async () => {
    const store = await open();
    await store.createRequest(extension);
    const claim = { by: '张主任', at: AT, until: '2022-06-27T02:02:00.000Z' };
    expect(await store.claimRequest('R1', claim)).toMatchObject({ id: 'R1', status: 'pending' });
    expect(await store.claimRequest('R1', { ...claim, by: '李科长' })).toBeNull();
    expect(await store.decideRequest('R1', { status: 'failed', by: '张主任', at: AT, error: '台账没有“截止日期”列' })).toMatchObject({ status: 'failed' });
    expect(await store.claimRequest('R1', { ...claim, by: '李科长' })).toMatchObject({ status: 'failed' });
    expect(await store.decideRequest('R1', { status: 'approved', by: '李科长', at: AT })).toMatchObject({ status: 'approved', decidedBy: '李科长' });
    expect(await store.claimRequest('R1', { by: 'x', at: '2022-06-28T00:00:00.000Z', until: '2022-06-28T00:02:00.000Z' })).toBeNull();
    expect(await store.claimRequest('R9', claim)).toBeNull();
  });

  it('takes over a claim whose holder never finished (a crash) once it has run out', async () => {
    const store = await open();
    await store.createRequest(extension);
    await store.claimRequest('R1', { by: 'a', at: AT, until: '2022-06-27T02:01:00.000Z' });
    expect(await store.claimRequest('R1', { by: 'b', at: '2022-06-27T02:00:30.000Z', until: '2022-06-27T02:02:00.000Z' })).toBeNull();
    expect(await store.claimRequest('R1', { by: 'b', at: '2022-06-27T02:05:00.000Z', until: '2022-06-27T02:06:00.000Z' })).toMatchObject({ id: 'R1' });
  });

  it('gives the first date each task was reminded to each unit', async () => {
    const store = await open();
    const entry = (taskId: string) => ({ taskId, unit: '区交通局', chat: 'oc_a', mentions: [], kind: 'overdue' as const });
    const msg = (date: string) => ({ chat: 'oc_a', card: {}, key: `remind|${date}|oc_a` });
    await store.startRun('remind', '2022-06-27', AT, [msg('2022-06-27')], [entry('6')]);
    await store.startRun('remind', '2022-06-28', AT, [msg('2022-06-28')], [entry('6'), entry('7')]);
    expect(await store.firstReminders()).toEqual([
      { taskId: '6', unit: '区交通局', date: '2022-06-27' },
      { taskId: '7', unit: '区交通局', date: '2022-06-28' },
    ]);
  });
});
