import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const opened: Store[] = [];
const dirs: string[] = [];
async function freshStore(dir = mkdtempSync(join(tmpdir(), 'duban-review-store-'))): Promise<Store> {
  dirs.push(dir);
  const store = await openStore(dir);
  opened.push(store);
  return store;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const AT = '2022-06-27T02:00:00.000Z';
const extension = { kind: 'extend' as const, taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: AT, newDue: '2022-07-31', oldDue: '2022-06-30', reason: '雨季施工' };

describe('the review store', () => {
  it('numbers requests R1, R2 … and reads them back with their evidence, filtered', async () => {
    const store = await freshStore();
    const first = await store.createRequest(extension);
    const second = await store.createRequest({ kind: 'complete', taskId: '7', unit: '区民政局', by: '李娜', byAccount: null, at: '2022-06-28T01:00:00.000Z', note: '已验收', chat: 'oc_a', sourceMessageId: 'om_src' });
    expect(first).toEqual({ id: 'R1', status: 'pending', evidence: [], ...extension });
    expect(second.id).toBe('R2');
    await store.addEvidence('R2', { name: '验收报告.pdf', fileKey: 'file_v2_1' });
    await store.addEvidence('R2', { name: '现场照片', fileKey: 'img_v2_1' });
    await store.setRequestCard('R2', 'om_card');
    await store.setRequestReply('R2', 'om_reply');
    expect(await store.request('r2')).toMatchObject({
      evidence: [{ name: '验收报告.pdf', fileKey: 'file_v2_1' }, { name: '现场照片', fileKey: 'img_v2_1' }],
      cardMessageId: 'om_card', replyMessageId: 'om_reply', chat: 'oc_a', sourceMessageId: 'om_src',
    });
    expect((await store.requests({ kind: 'complete' })).map((r) => r.id)).toEqual(['R2']);
    expect((await store.requests({ taskId: '6' })).map((r) => r.id)).toEqual(['R1']);
    expect((await store.requests({ since: '2022-06-28T00:00:00.000Z' })).map((r) => r.id)).toEqual(['R2']);
    expect((await store.requests({ status: 'pending' })).map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(await store.request('R9')).toBeNull();
    expect(await store.request('6')).toBeNull();
  });

  it('decides a request once: a second decision (another reviewer, a double click) gets null', async () => {
    const store = await freshStore();
    await store.createRequest(extension);
    const approved = await store.decideRequest('R1', { status: 'approved', by: '张主任', at: AT, writtenAt: AT });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: '张主任', decidedAt: AT, writtenAt: AT });
    expect(await store.decideRequest('R1', { status: 'rejected', by: '李科长', at: AT, reason: '材料不全' })).toBeNull();
    expect((await store.request('R1'))?.status).toBe('approved');
  });

  it('lets one claim at a time decide; a failed write-back can be approved again', async () => {
    const store = await freshStore();
    await store.createRequest(extension);
    const claim = { by: '张主任', at: AT, until: '2022-06-27T02:01:00.000Z' };
    expect(await store.claimRequest('R1', claim)).toMatchObject({ id: 'R1' });
    expect(await store.claimRequest('R1', { ...claim, by: '李科长' })).toBeNull();
    expect(await store.decideRequest('R1', { status: 'failed', by: '张主任', at: AT, error: '台账没有“截止日期”列' })).toMatchObject({ status: 'failed', error: '台账没有“截止日期”列' });
    // The failure ended the claim: the request may be approved again.
    expect(await store.claimRequest('R1', { ...claim, by: '李科长' })).toMatchObject({ status: 'failed' });
    expect(await store.decideRequest('R1', { status: 'approved', by: '李科长', at: AT })).toMatchObject({ status: 'approved', decidedBy: '李科长' });
    expect(await store.claimRequest('R1', { ...claim, at: '2022-06-28T00:00:00.000Z', until: '2022-06-28T00:01:00.000Z' })).toBeNull();
  });

  it('takes over a claim whose holder never finished (a crash) once it has run out', async () => {
    const store = await freshStore();
    await store.createRequest(extension);
    await store.claimRequest('R1', { by: 'a', at: AT, until: '2022-06-27T02:01:00.000Z' });
    expect(await store.claimRequest('R1', { by: 'b', at: '2022-06-27T02:00:30.000Z', until: '2022-06-27T02:02:00.000Z' })).toBeNull();
    expect(await store.claimRequest('R1', { by: 'b', at: '2022-06-27T02:05:00.000Z', until: '2022-06-27T02:06:00.000Z' })).toMatchObject({ id: 'R1' });
  });

  it('records one acknowledgement per task and unit', async () => {
    const store = await freshStore();
    expect(await store.recordAck({ taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: AT })).toBe(true);
    expect(await store.recordAck({ taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: '2022-06-28T02:00:00.000Z' })).toBe(false);
    expect(await store.recordAck({ taskId: '6', unit: '区民政局', by: '李娜', byAccount: null, at: '2022-06-28T02:00:00.000Z' })).toBe(true);
    expect(await store.acks({ taskId: '6', unit: '区交通局' })).toEqual([{ taskId: '6', unit: '区交通局', by: '王晓东', byAccount: 'ou_wang', at: AT }]);
    expect((await store.acks({ since: '2022-06-28T00:00:00.000Z' })).map((a) => a.unit)).toEqual(['区民政局']);
  });

  it('sees an event id once, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-review-store-'));
    const store = await freshStore(dir);
    expect(await store.recordEvent('om_1', AT)).toBe(true);
    expect(await store.recordEvent('om_1', AT)).toBe(false);
    await store.createRequest(extension);
    await store.close();
    opened.splice(0);
    const reopened = await freshStore(dir);
    expect(await reopened.recordEvent('om_1', AT)).toBe(false);
    expect(await reopened.recordEvent('ev_card_1', AT)).toBe(true);
    expect((await reopened.request('R1'))?.status).toBe('pending');
  });

  it('gives the first date each task was reminded to each unit', async () => {
    const store = await freshStore();
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
