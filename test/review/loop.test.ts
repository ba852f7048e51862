import { afterEach, describe, expect, it } from 'vitest';
import { createLoop } from '../../src/review/loop.js';
import type { ReviewDeps } from '../../src/review/review-deps.js';
import { LOOP_PEOPLE as P, loopLedger, rowOf } from '../support/loop-ledger.js';
import { recordingChat } from '../support/recording-review-chat.js';
import { testReviewDeps } from '../support/review-deps.js';

const NOW = '2022-06-27T02:00:00.000Z'; // Monday 10:00 in Shanghai
const people = {
  members: {
    [P.transportLiaison]: [{ unit: '区交通局', name: '王晓东', role: 'liaison' as const }],
    [P.transportLeader]: [{ unit: '区交通局', name: '李建国', role: 'leader' as const }],
    [P.commerceLiaison]: [{ unit: '区商务委', name: '郭芳', role: 'liaison' as const }],
    [P.assistLiaison]: [{ unit: '双江镇', name: '陈丽', role: 'liaison' as const }],
  },
  reviewers: { [P.reviewer]: '张主任' },
};
const opened: ReviewDeps[] = [];
afterEach(async () => {
  for (const deps of opened.splice(0)) await deps.store.close();
});

async function setup(requireReview?: ('progress' | 'complete' | 'extend')[]) {
  const ledger = loopLedger();
  const chat = recordingChat();
  const { deps, setNow } = await testReviewDeps({ source: ledger.source, now: NOW, people, chat, requireReview });
  opened.push(deps);
  const loop = createLoop(deps);
  const from = (openId: string, messageId = `om_msg_${Math.random().toString(36).slice(2)}`) => ({ openId, chat: 'oc_transport', messageId, via: 'text' as const });
  return { ledger, chat, deps, loop, from, setNow };
}

describe('the 督办 loop', () => {
  it("takes a liaison's extension to the office and writes it once on 同意: new date, original kept, count, signed note", async () => {
    const { ledger, chat, deps, loop, from } = await setup();
    const asked = await loop.command({ kind: 'extend', id: '6', date: '7月31日', reason: '雨季无法施工' }, from(P.transportLiaison, 'om_ask1'));
    expect(asked).toMatchObject({ ok: true, title: '延期申请 R1 已提交，等待督办办公室审核', lines: ['申请延期至 2022-07-31（现截止日期 2022-06-30）', '原因：雨季无法施工'] });
    expect(chat.posts.map((p) => [p.chat, p.key])).toEqual([['oc_office0001', 'review|R1']]);
    expect(chat.text(chat.posts[0].card)).toContain('2022-06-30 → ');
    expect(await deps.store.request('R1')).toMatchObject({ status: 'pending', cardMessageId: 'om_chat1', newDue: '2022-07-31', oldDue: '2022-06-30', sourceMessageId: 'om_ask1' });
    expect(rowOf(ledger.text(), '6')['截止日期']).toBe('2022-06-30');

    const approved = await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer));
    expect(approved).toMatchObject({ ok: true, title: '已同意 R1，已写入台账' });
    const row = rowOf(ledger.text(), '6');
    expect([row['截止日期'], row['原截止日期'], row['延期次数'], row['状态'], row['更新时间']]).toEqual(['2022-07-31', '2022-06-30', '1', '已延期', '2022-06-27']);
    expect(row['进展情况']).toBe('主体施工中\n[2022-06-27 张主任] 同意延期至 2022-07-31（R1）；延期原因：雨季无法施工');
    // The card is updated in place, and the liaison told in the request's thread.
    expect(chat.patches.map((p) => p.messageId)).toEqual(['om_chat1']);
    expect(chat.text(chat.patches[0].card)).toContain('已同意（张主任，2022-06-27 10:00）');
    expect(chat.text(chat.patches[0].card)).not.toContain('"tag":"button"');
    expect(chat.replies.map((r) => [r.to, r.key])).toEqual([['om_ask1', 'approved|R1']]);

    const text = ledger.text();
    const again = await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer));
    expect(again).toMatchObject({ ok: false, title: 'R1 已处理', lines: ['R1 已于 2022-06-27 10:00 由 张主任同意，本次未作改动。'] });
    expect(ledger.text()).toBe(text);
  });

  it('refuses a non-reviewer and a liaison of another unit, writing nothing', async () => {
    const { ledger, deps, loop, from } = await setup();
    const before = ledger.text();
    expect(await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: 'x' }, from(P.commerceLiaison))).toMatchObject({ ok: false, title: '无权提交' });
    expect(await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: 'x' }, from(P.assistLiaison))).toMatchObject({ ok: false, title: '无权提交' });
    await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' }, from(P.transportLiaison));
    const refused = await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.transportLiaison));
    expect(refused).toMatchObject({ ok: false, title: '无权审核' });
    expect((await deps.store.request('R1'))?.status).toBe('pending');
    expect(ledger.text()).toBe(before);
  });

  it('refuses an extension asked after the deadline, saying what to do instead', async () => {
    const { loop, from, deps } = await setup();
    const outcome = await loop.command({ kind: 'extend', id: '7', date: '2022-07-31', reason: '资金未到位' }, from(P.commerceLiaison));
    expect(outcome.ok).toBe(false);
    expect(outcome.title).toBe('已过截止日期，不能申请延期');
    expect(outcome.lines[0]).toContain('任务 7 已于 2022-06-20 到期');
    expect(outcome.lines[0]).toContain('duban update');
    expect(await deps.store.requests()).toEqual([]);
  });

  it('asks for what an extension lacks, and gives a repeated request back instead of a second one', async () => {
    const { loop, from, deps } = await setup();
    expect(await loop.command({ kind: 'extend', id: '6', date: null, reason: 'x' }, from(P.transportLiaison))).toMatchObject({ title: '请写明新的截止日期' });
    expect(await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: null }, from(P.transportLiaison))).toMatchObject({ title: '请写明延期原因' });
    expect(await loop.command({ kind: 'extend', id: '6', date: '6月1日', reason: 'x' }, from(P.transportLiaison))).toMatchObject({ title: '新的截止日期无法识别' });
    await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' }, from(P.transportLiaison));
    expect(await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' }, from(P.transportLiaison))).toMatchObject({ ok: true, title: '延期申请 R1 已在审核中' });
    expect((await deps.store.requests()).map((r) => r.id)).toEqual(['R1']);
  });

  it('sends a request back on 退回: nothing written, the liaison told why in its thread', async () => {
    const { ledger, chat, deps, loop, from } = await setup();
    const before = ledger.text();
    await loop.command({ kind: 'complete', id: '6', note: '已完工' }, from(P.transportLiaison, 'om_done'));
    expect(await loop.command({ kind: 'reject', request: 'R1', reason: null }, from(P.reviewer))).toMatchObject({ ok: false, title: '请写明退回原因' });
    const rejected = await loop.command({ kind: 'reject', request: 'R1', reason: '佐证材料不全' }, from(P.reviewer));
    expect(rejected).toMatchObject({ ok: true, title: '已退回 R1' });
    expect(ledger.text()).toBe(before);
    expect(await deps.store.request('R1')).toMatchObject({ status: 'rejected', decidedBy: '张主任', decisionReason: '佐证材料不全' });
    expect(chat.replies.map((r) => r.to)).toEqual(['om_done']);
    expect(chat.text(chat.replies[0].card)).toContain('原因：佐证材料不全');
    expect(chat.text(chat.patches.at(-1)!.card)).toContain('已退回（张主任，2022-06-27 10:00）');
    expect(await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer))).toMatchObject({ ok: false, title: 'R1 已处理' });
    expect(ledger.text()).toBe(before);
  });

  it('closes a completion with its evidence: files in the thread, written to 佐证材料, 办结时间 and 状态', async () => {
    const { ledger, chat, deps, loop, from } = await setup();
    await loop.command({ kind: 'complete', id: '6', note: '文化园已建成' }, from(P.transportLiaison, 'om_done'));
    const file = { messageId: 'om_file1', chatId: 'oc_transport', senderOpenId: P.transportLiaison, rootId: 'om_done', parentId: 'om_done', at: '2022-06-27T02:05:00.000Z' };
    const attached = await loop.evidence({ ...file, files: [{ name: '验收报告.pdf', fileKey: 'file_v2_a' }] });
    expect(attached).toMatchObject({ ok: true, lines: ['已附在任务 6 的办结申请 R1 中：验收报告.pdf（共 1 份）。'] });
    // Within 30 minutes, in the same chat, outside the thread: still this request's.
    await loop.evidence({ ...file, messageId: 'om_file2', rootId: null, parentId: null, at: '2022-06-27T02:20:00.000Z', files: [{ name: '图片', fileKey: 'img_v2_b' }] });
    // Someone else's file, or one too late, is not evidence.
    expect(await loop.evidence({ ...file, senderOpenId: P.stranger, rootId: null, parentId: null, files: [{ name: 'x.pdf', fileKey: 'f' }] })).toBeNull();
    expect(await loop.evidence({ ...file, rootId: null, parentId: null, at: '2022-06-27T03:00:00.000Z', files: [{ name: 'late.pdf', fileKey: 'f' }] })).toBeNull();
    expect((await deps.store.request('R1'))?.evidence).toEqual([{ name: '验收报告.pdf', fileKey: 'file_v2_a' }, { name: '图片', fileKey: 'img_v2_b' }]);
    expect(chat.text(chat.patches.at(-1)!.card)).toContain('验收报告.pdf');

    await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer));
    const row = rowOf(ledger.text(), '6');
    expect([row['状态'], row['进度'], row['办结时间']]).toEqual(['已完成', '100%', '2022-06-27']);
    expect(row['佐证材料']).toContain('验收报告.pdf');
    expect(row['佐证材料']).toContain('图片');
    expect(row['进展情况']).toContain('[2022-06-27 张主任] 同意办结（R1）；办结说明：文化园已建成');
  });

  it('writes a progress report at once unless progress needs review, and a repeat once', async () => {
    const { ledger, deps, loop, from } = await setup();
    const update = { id: '8', status: null, progress: '80%', note: '标语已设计' };
    expect(await loop.command({ kind: 'progress', update }, from(P.transportLeader))).toMatchObject({ ok: true, title: '进展已写回台账' });
    expect(await loop.command({ kind: 'progress', update }, from(P.transportLeader))).toMatchObject({ ok: true, title: '已收到' });
    const row = rowOf(ledger.text(), '8');
    expect([row['进度'], row['进展情况']]).toEqual(['80%', '[2022-06-27 李建国] 标语已设计（R1）']);
    expect(await deps.store.request('R1')).toMatchObject({ kind: 'progress', status: 'approved', progress: 80, writtenAt: NOW });
    // "8 已完成" is a completion: it waits for review.
    expect(await loop.command({ kind: 'progress', update: { id: '8', status: '已完成', progress: null, note: null } }, from(P.transportLiaison))).toMatchObject({ title: '办结申请 R2 已提交，等待督办办公室审核' });
  });

  it('keeps progress for review when review.requireReview lists it', async () => {
    const { ledger, loop, from } = await setup(['progress', 'complete', 'extend']);
    const before = ledger.text();
    expect(await loop.command({ kind: 'progress', update: { id: '8', status: null, progress: '90%', note: null } }, from(P.transportLiaison))).toMatchObject({ title: '进度报送 R1 已提交，等待督办办公室审核' });
    expect(ledger.text()).toBe(before);
    await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer));
    expect(rowOf(ledger.text(), '8')['进度']).toBe('90%');
  });

  it('records one 签收 per task and unit, only from its lead unit', async () => {
    const { deps, loop, from } = await setup();
    expect(await loop.command({ kind: 'ack', ids: ['6', '8'] }, from(P.transportLiaison))).toMatchObject({ ok: true, lines: ['区交通局已签收任务 6（王晓东）。', '区交通局已签收任务 8（王晓东）。'] });
    expect(await loop.command({ kind: 'ack', ids: ['6'] }, from(P.transportLiaison))).toMatchObject({ lines: ['区交通局此前已签收任务 6，无需重复签收。'] });
    expect(await loop.command({ kind: 'ack', ids: ['6'] }, from(P.commerceLiaison))).toMatchObject({ ok: false });
    expect((await deps.store.acks()).map((a) => [a.taskId, a.unit, a.by, a.at])).toEqual([['6', '区交通局', '王晓东', NOW], ['8', '区交通局', '王晓东', NOW]]);
  });

  it('leaves a request failed, the error on its card and the ledger untouched, when the write fails; 同意 again retries', async () => {
    const { ledger, chat, deps, loop, from } = await setup();
    await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' }, from(P.transportLiaison));
    const write = deps.source.updateTask;
    deps.source.updateTask = async () => {
      throw new Error('台账文件正被其他程序占用');
    };
    const before = ledger.text();
    const failed = await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer));
    expect(failed).toMatchObject({ ok: false, title: 'R1 未能写入台账', lines: ['台账文件正被其他程序占用', '台账未改动；处理后可再次同意。'] });
    expect(ledger.text()).toBe(before);
    expect(await deps.store.request('R1')).toMatchObject({ status: 'failed', error: '台账文件正被其他程序占用' });
    expect(chat.text(chat.patches.at(-1)!.card)).toContain('写入台账失败');
    expect(chat.text(chat.patches.at(-1)!.card)).toContain('"tag":"button"');
    deps.source.updateTask = write;
    expect(await loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer))).toMatchObject({ ok: true });
    expect(rowOf(ledger.text(), '6')['截止日期']).toBe('2022-07-31');
  });

  it('writes once when two reviewers approve at the same moment', async () => {
    const { ledger, loop, from } = await setup();
    await loop.command({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' }, from(P.transportLiaison));
    const outcomes = await Promise.all([1, 2, 3].map(() => loop.command({ kind: 'approve', request: 'R1', note: null }, from(P.reviewer))));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const row = rowOf(ledger.text(), '6');
    expect([row['延期次数'], row['进展情况'].split('（R1）').length - 1]).toEqual(['1', 1]);
  });
});
