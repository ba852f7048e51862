import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLoop } from '../../src/review/loop.js';
import { LOOP_PEOPLE as P, loopLedger, rowOf } from '../support/loop-ledger.js';
import { testReviewDeps } from '../support/review-deps.js';
import { runDuban } from '../support/run-cli.js';

const NOW = '2022-06-27T02:00:00.000Z';

/** A loop ledger with two requests made in chat (an extension, a completion with a file) and a 签收, recorded in `dir/.duban`. */
async function withRequests() {
  const ledger = loopLedger();
  const members = { [P.transportLiaison]: [{ unit: '区交通局', name: '王晓东', role: 'liaison' as const }] };
  const { deps } = await testReviewDeps({ source: ledger.source, now: NOW, people: { members }, dataDir: join(ledger.dir, '.duban') });
  const loop = createLoop(deps);
  const who = { openId: P.transportLiaison, chat: 'oc_transport', messageId: 'om_ask', via: 'text' as const };
  await loop.command({ kind: 'ack', ids: ['6'] }, who);
  await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季无法施工' }, who);
  await loop.command({ kind: 'complete', id: '8', note: '标语已布置' }, { ...who, messageId: 'om_done' });
  await loop.evidence({ messageId: 'om_f', chatId: 'oc_transport', senderOpenId: P.transportLiaison, rootId: 'om_done', parentId: 'om_done', at: NOW, files: [{ name: '现场照片.jpg', fileKey: 'img_1' }] });
  await deps.store.close();
  const sheet = ['--sheet', join(ledger.dir, 'tasks.csv'), '--units', join(ledger.dir, 'units.csv')];
  const run = (...argv: string[]) => runDuban(argv, { cwd: ledger.dir, now: new Date('2022-06-27T03:00:00Z') });
  return { ledger, sheet, run };
}

describe('the office at the terminal: duban requests, approve, reject, history', () => {
  it('lists the review queue as JSON, filtered by status', async () => {
    const { run } = await withRequests();
    const all = await run('requests', '--json');
    expect(all.code).toBe(0);
    expect(all.json().requests).toMatchObject([
      { id: 'R1', kind: 'extend', taskId: '6', unit: '区交通局', by: '王晓东', at: NOW, status: 'pending', newDue: '2022-07-31', oldDue: '2022-06-30', reason: '雨季无法施工', evidence: [] },
      { id: 'R2', kind: 'complete', taskId: '8', status: 'pending', note: '标语已布置', evidence: [{ name: '现场照片.jpg', fileKey: 'img_1' }] },
    ]);
    expect((await run('requests', '--status', 'approved', '--json')).json()).toEqual({ requests: [] });
    expect((await run('requests', '--status', 'later')).code).toBe(2);
    const text = (await run('requests')).stdout;
    expect(text).toContain('申请：共 2 条');
    expect(text).toContain('R1  待审核  延期申请  任务 6  区交通局 王晓东  2022-06-27 10:00');
  });

  it('approves (writing the ledger once) and rejects (writing nothing), then shows the whole trail', async () => {
    const { ledger, sheet, run } = await withRequests();
    const approved = await run('approve', 'R1', '--by', '张主任', ...sheet);
    expect(approved.stdout).toContain('已同意 R1，已写入台账');
    expect(approved.code).toBe(0);
    expect(rowOf(ledger.text(), '6')['截止日期']).toBe('2022-07-31');
    const again = await run('approve', 'R1', ...sheet);
    expect([again.code, again.stdout.split('\n')[0]]).toEqual([1, 'R1 已处理']);
    expect((await run('reject', 'R2', ...sheet)).code).toBe(2);
    const before = ledger.text();
    const rejected = await run('reject', 'R2', '--reason', '照片不清晰', '--by', '张主任', ...sheet);
    expect(rejected.stdout).toContain('已退回 R2');
    expect(ledger.text()).toBe(before);

    const history = await run('history', '--task', '6', '--json');
    expect(history.json().trail.map((e: { event: string; by: string; detail: string }) => [e.event, e.by, e.detail])).toEqual([
      ['acknowledged', '王晓东', '签收'],
      ['requested', '王晓东', '延期申请 2022-06-30 → 2022-07-31，原因：雨季无法施工'],
      ['decided', '张主任', '同意'],
      ['written', '张主任', '已写入台账'],
    ]);
    const text = (await run('history')).stdout;
    expect(text).toContain('任务 8\n  2022-06-27 10:00  申请  区交通局  王晓东  R2  办结申请：标语已布置（佐证材料 现场照片.jpg）\n  2022-06-27 11:00  审核  区交通局  张主任  R2  退回：照片不清晰');
  });
});
