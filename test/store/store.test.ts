/** The store's runs, messages, reminder log, snapshots and notices, per ledger, on SQLite and on PostgreSQL alike. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { BACKENDS, cleanUpStores, freshStore, type BackendCase } from '../support/store-backends.js';

const opened = cleanUpStores();
async function open(backend: BackendCase): Promise<Store> {
  const { store } = await freshStore(backend);
  opened.push(store);
  return store;
}

const card = (text: string) => ({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: text }] } });
const AT = '2026-03-02T01:03:00.000Z';
const entry = (taskId: string, unit: string, chat: string) => ({ taskId, unit, chat, mentions: ['ou_1'], kind: 'overdue' as const });
const msg = (chat: string, date: string) => ({ chat, card: card(chat), key: `remind|${date}|${chat}` });

describe.each(BACKENDS)('store on $name', (backend) => {
  it('keeps one run per (job, date) with its messages, and their delivery outcomes', async () => {
    const store = await open(backend);
    const messages = [
      { chat: 'oc_a', card: card('A'), key: 'remind|2026-03-02|oc_a' },
      { chat: 'oc_b', card: card('B'), key: 'remind|2026-03-02|oc_b' },
    ];
    await store.startRun('remind', '2026-03-02', AT, messages, []);
    await store.startRun('remind', '2026-03-02', AT, [{ chat: 'oc_a', card: card('changed'), key: 'x' }], []);
    expect((await store.getRun('remind', '2026-03-02'))?.status).toBe('started');
    const stored = await store.messages('remind', '2026-03-02');
    expect(stored.map((m) => [m.chat, m.outcome, m.key])).toEqual([
      ['oc_a', 'pending', 'remind|2026-03-02|oc_a'],
      ['oc_b', 'pending', 'remind|2026-03-02|oc_b'],
    ]);
    expect(stored[0].card).toEqual(card('A'));
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'sent', at: AT, messageId: 'om_1', uuid: 'u-remind-oc_a' });
    await store.recordDelivery('remind', '2026-03-02', 'oc_b', { outcome: 'failed', at: AT, error: 'bot not in chat' });
    await store.finishRun('remind', '2026-03-02', 'failed', AT, '1 of 2 not sent');
    expect((await store.messages('remind', '2026-03-02')).map((m) => [m.outcome, m.messageId, m.uuid, m.error])).toEqual([
      ['sent', 'om_1', 'u-remind-oc_a', null],
      ['failed', null, null, 'bot not in chat'],
    ]);
    expect(await store.getRun('remind', '2026-03-02')).toEqual({
      job: 'remind', date: '2026-03-02', status: 'failed', startedAt: AT, finishedAt: AT, detail: '1 of 2 not sent',
    });
  });

  it('keeps a message recorded as sent sent, whatever a later send of it reports', async () => {
    const store = await open(backend);
    await store.startRun('remind', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], []);
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'sent', at: AT, messageId: 'om_1' });
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'failed', at: '2026-03-02T01:09:00.000Z', error: 'timeout' });
    expect((await store.messages('remind', '2026-03-02')).map((m) => [m.outcome, m.messageId, m.error, m.at])).toEqual([['sent', 'om_1', null, AT]]);
  });

  it('lists the latest run of each job', async () => {
    const store = await open(backend);
    await store.finishRun('digest', '2026-03-02', 'done', AT);
    await store.finishRun('digest', '2026-03-03', 'skipped', AT, 'missed');
    await store.finishRun('remind', '2026-03-02', 'done', AT);
    expect((await store.lastRuns()).map((r) => [r.job, r.date, r.status])).toEqual([
      ['digest', '2026-03-03', 'skipped'],
      ['remind', '2026-03-02', 'done'],
    ]);
  });

  it('logs at most one reminder per task, unit and day, and answers history queries', async () => {
    const store = await open(backend);
    await store.startRun('remind', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], [entry('6', '区交通局', 'oc_a'), entry('7', '区民政局', 'oc_a')]);
    await store.startRun('escalate', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], [entry('6', '区交通局', 'oc_a')]);
    await store.startRun('remind', '2026-03-03', AT, [msg('oc_a', '2026-03-03')], [entry('6', '区交通局', 'oc_a')]);
    await store.recordDelivery('remind', '2026-03-02', 'oc_a', { outcome: 'sent', at: AT, messageId: 'om_1' });
    expect(await store.remindedOn('2026-03-02')).toEqual([{ taskId: '6', unit: '区交通局' }, { taskId: '7', unit: '区民政局' }]);
    expect(await store.remindedOn('2026-03-04')).toEqual([]);
    expect((await store.history()).map((r) => [r.date, r.taskId, r.job])).toEqual([
      ['2026-03-02', '6', 'remind'],
      ['2026-03-02', '7', 'remind'],
      ['2026-03-03', '6', 'remind'],
    ]);
    expect((await store.history({ task: '6' })).map((r) => [r.date, r.outcome, r.messageId])).toEqual([
      ['2026-03-02', 'sent', 'om_1'],
      ['2026-03-03', 'pending', null],
    ]);
    expect(await store.history({ unit: '区民政局' })).toEqual([
      { taskId: '7', unit: '区民政局', date: '2026-03-02', job: 'remind', chat: 'oc_a', mentions: ['ou_1'], kind: 'overdue', outcome: 'sent', messageId: 'om_1', at: AT },
    ]);
    expect(await store.history({ task: '6', unit: '区民政局' })).toEqual([]);
  });

  it('keeps snapshots by date, newest first, and notices', async () => {
    const store = await open(backend);
    const snap = (date: string, progress: number) => ({
      date,
      tasks: { '1': { status: 'in_progress' as const, progress, due: '2026-06-30', noteHash: 'abc', updated: null } },
    });
    await store.saveSnapshot(snap('2026-03-02', 10));
    await store.saveSnapshot(snap('2026-03-03', 20));
    await store.saveSnapshot(snap('2026-03-04', 30));
    await store.saveSnapshot(snap('2026-03-04', 35));
    expect((await store.snapshots()).map((s) => s.date)).toEqual(['2026-03-04', '2026-03-03', '2026-03-02']);
    expect((await store.snapshots())[0]).toEqual(snap('2026-03-04', 35));
    expect(await store.snapshots({ before: '2026-03-03', limit: 1 })).toEqual([snap('2026-03-03', 20)]);
    expect(await store.notice('unknown-year:2027')).toBeNull();
    await store.setNotice('unknown-year:2027', '2026-12-01', 'text');
    await store.setNotice('unknown-year:2027', '2026-12-02', 'again');
    expect(await store.notice('unknown-year:2027')).toEqual({ key: 'unknown-year:2027', date: '2026-12-02', value: 'again' });
  });

  it('keeps each ledger’s runs, reminders, snapshots and notices apart on one connection', async () => {
    const store = await open(backend);
    const shuangyong = store.forLedger('双拥');
    expect([store.ledger, shuangyong.ledger]).toEqual(['default', '双拥']);
    await store.startRun('remind', '2026-03-02', AT, [msg('oc_a', '2026-03-02')], [entry('6', '区交通局', 'oc_a')]);
    await shuangyong.startRun('remind', '2026-03-02', AT, [msg('oc_b', '2026-03-02')], [entry('6', '区交通局', 'oc_b')]);
    await shuangyong.finishRun('remind', '2026-03-02', 'done', AT);
    await shuangyong.setNotice('problems', '2026-03-02', 'abc');
    expect((await store.getRun('remind', '2026-03-02'))?.status).toBe('started');
    expect((await shuangyong.getRun('remind', '2026-03-02'))?.status).toBe('done');
    expect((await store.messages('remind', '2026-03-02')).map((m) => m.chat)).toEqual(['oc_a']);
    expect((await shuangyong.history()).map((r) => [r.taskId, r.chat])).toEqual([['6', 'oc_b']]);
    expect(await store.remindedOn('2026-03-02')).toEqual([{ taskId: '6', unit: '区交通局' }]);
    expect(await store.notice('problems')).toBeNull();
    expect((await shuangyong.lastRuns()).map((r) => r.status)).toEqual(['done']);
    expect(shuangyong.path).toBe(store.path);
  });
});
