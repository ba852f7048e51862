/** Requests to the office, their evidence and decisions, acknowledgements and incoming-event ids, on both backends. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { BACKENDS, cleanUpStores, freshStore } from '../support/store-backends.js';

const opened = cleanUpStores();

const AT = '2026-03-02T01:03:00.000Z';
const LATER = '2026-03-03T02:00:00.000Z';
const extend = { kind: 'extend' as const, taskId: '6', unit: '区交通局', by: '张三', byAccount: 'ou_zhang', at: AT, newDue: '2026-04-30', oldDue: '2026-03-31', reason: '雨季停工' };

describe.each(BACKENDS)('requests on $name', (backend) => {
  /** A store, a second connection to the same database, and a way to open a third one later (a restart). */
  async function open(): Promise<{ store: Store; second: Store; reopen: () => Promise<Store> }> {
    const { store, location } = await freshStore(backend);
    const reopen = async () => {
      const another = await openStore(location.dataDir, location.databaseUrl);
      opened.push(another);
      return another;
    };
    opened.push(store);
    return { store, second: await reopen(), reopen };
  }

  it('numbers requests R1, R2, … and returns them as made, with only the fields they have', async () => {
    const { store } = await open();
    const first = await store.createRequest(extend);
    expect(first).toEqual({ id: 'R1', ...extend, status: 'pending', evidence: [] });
    const second = await store.createRequest({ kind: 'progress', taskId: '7', unit: '区民政局', by: '李四', byAccount: null, at: LATER, progress: 80.5, note: '完成主体' });
    expect(second).toEqual({ id: 'R2', kind: 'progress', taskId: '7', unit: '区民政局', by: '李四', byAccount: null, at: LATER, status: 'pending', progress: 80.5, note: '完成主体', evidence: [] });
    expect(await store.request('R2')).toEqual(second);
    expect(await store.request('R3')).toBeNull();
    expect(await store.request('任务6')).toBeNull();
    expect((await store.requests()).map((r) => r.id)).toEqual(['R1', 'R2']);
    expect((await store.requests({ kind: 'progress' })).map((r) => r.id)).toEqual(['R2']);
    expect((await store.requests({ taskId: '6', status: 'pending' })).map((r) => r.id)).toEqual(['R1']);
    expect((await store.requests({ since: '2026-03-03' })).map((r) => r.id)).toEqual(['R2']);
    expect(await store.requests({ status: 'approved' })).toEqual([]);
  });

  it('decides a request once, even when two reviewers click at the same moment on two connections', async () => {
    const { store, second } = await open();
    await store.createRequest(extend);
    const decisions = await Promise.all([
      store.decideRequest('R1', { status: 'approved', by: '王主任', at: LATER }),
      second.decideRequest('R1', { status: 'rejected', by: '赵科长', at: LATER, reason: '理由不足' }),
    ]);
    const decided = decisions.filter((d) => d !== null);
    expect(decided).toHaveLength(1);
    expect(await store.request('R1')).toEqual(decided[0]);
    expect(await store.decideRequest('R1', { status: 'approved', by: '王主任', at: LATER })).toBeNull();
    expect(await store.decideRequest('R404', { status: 'approved', by: '王主任', at: LATER })).toBeNull();
  });

  it('lets a failed decision be retried, keeping the error until it succeeds', async () => {
    const { store } = await open();
    await store.createRequest(extend);
    const failed = await store.decideRequest('R1', { status: 'failed', by: '王主任', at: AT, error: 'sheet refused the write' });
    expect(failed).toMatchObject({ status: 'failed', decidedBy: '王主任', decidedAt: AT, error: 'sheet refused the write', reason: '雨季停工' });
    const approved = await store.decideRequest('R1', { status: 'approved', by: '王主任', at: LATER });
    expect(approved).toEqual({ id: 'R1', ...extend, status: 'approved', decidedBy: '王主任', decidedAt: LATER, evidence: [] });
    const rejected = await store.createRequest({ ...extend, taskId: '9' });
    expect(await store.decideRequest(rejected.id, { status: 'rejected', by: '王主任', at: LATER, reason: '请补充佐证材料' })).toMatchObject({ status: 'rejected', reason: '请补充佐证材料' });
  });

  it('keeps evidence in the order it came and the office card of each request', async () => {
    const { store, second } = await open();
    const request = await store.createRequest({ kind: 'complete', taskId: '6', unit: '区交通局', by: '张三', byAccount: 'ou_zhang', at: AT, note: '已完工' });
    await Promise.all([
      store.addEvidence(request.id, { name: '验收单.pdf', fileKey: 'file_v3_1' }),
      second.addEvidence(request.id, { name: '现场照片', url: 'https://example.org/p/1' }),
    ]);
    await store.addEvidence(request.id, { name: '说明.docx', fileKey: 'file_v3_2' });
    await store.setRequestCard(request.id, 'om_card_1');
    const stored = await store.request(request.id);
    expect(stored?.cardMessageId).toBe('om_card_1');
    expect(stored?.evidence).toHaveLength(3);
    expect(stored?.evidence.slice(2)).toEqual([{ name: '说明.docx', fileKey: 'file_v3_2' }]);
    expect(new Set(stored?.evidence.slice(0, 2).map((e) => JSON.stringify(e)))).toEqual(
      new Set([JSON.stringify({ name: '验收单.pdf', fileKey: 'file_v3_1' }), JSON.stringify({ name: '现场照片', url: 'https://example.org/p/1' })]),
    );
    expect((await store.requests({ taskId: '6' }))[0].evidence).toEqual(stored?.evidence);
    await expect(store.addEvidence('R9', { name: 'x' })).rejects.toThrow('no request R9');
    await expect(store.forLedger('双拥').setRequestCard(request.id, 'om_x')).rejects.toThrow(`no request ${request.id} in ledger 双拥`);
  });

  it('records one acknowledgement per task and unit, and lists them', async () => {
    const { store, second } = await open();
    const ack = { taskId: '6', unit: '区交通局', by: '张三', byAccount: 'ou_zhang', at: AT };
    const both = await Promise.all([store.recordAck(ack), second.recordAck({ ...ack, by: '张三（手机）' })]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await store.recordAck(ack)).toBe(false);
    expect(await store.recordAck({ ...ack, unit: '区住建委', by: '王五', byAccount: null, at: LATER })).toBe(true);
    expect(await store.forLedger('双拥').recordAck(ack)).toBe(true);
    expect((await store.acks()).map((a) => a.unit)).toEqual(['区交通局', '区住建委']);
    expect(await store.acks({ unit: '区住建委' })).toEqual([{ taskId: '6', unit: '区住建委', by: '王五', byAccount: null, at: LATER }]);
    expect((await store.acks({ since: '2026-03-03' })).map((a) => a.unit)).toEqual(['区住建委']);
    expect(await store.acks({ taskId: '7' })).toEqual([]);
  });

  it('sees each incoming event id once, across two connections and a reopened store', async () => {
    const { store, second, reopen } = await open();
    const ids = Array.from({ length: 20 }, (_, i) => `om_event_${i}`);
    const results = await Promise.all(ids.flatMap((id) => [store.recordEvent(id, AT), second.recordEvent(id, AT)]));
    expect(results.filter(Boolean)).toHaveLength(ids.length);
    for (let i = 0; i < ids.length; i += 1) expect([ids[i], results[2 * i] !== results[2 * i + 1]]).toEqual([ids[i], true]);
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    const restarted = await reopen();
    expect(await restarted.recordEvent('om_event_0', LATER)).toBe(false);
    expect(await restarted.recordEvent('card_click_1', LATER)).toBe(true);
    expect(await second.recordEvent('card_click_1', LATER)).toBe(false);
  });
});
