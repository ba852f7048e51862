import { describe, expect, it } from 'vitest';
import { readChatCommand } from '../../src/ask/commands.js';

describe('readChatCommand: the 督办 loop typed in chat', () => {
  it.each([
    ['签收 6', { kind: 'ack', ids: ['6'] }],
    ['@督办助手 签收任务6、7，8', { kind: 'ack', ids: ['6', '7', '8'] }],
    ['申请办结 6 说明：已完成 验收，报告见附件', { kind: 'complete', id: '6', note: '已完成 验收,报告见附件' }],
    ['申请办结 6', { kind: 'complete', id: '6', note: null }],
    ['申请办结 A-3 全部完工', { kind: 'complete', id: 'A-3', note: '全部完工' }],
    ['申请延期 6 至 2022-07-31 原因：雨季无法施工', { kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季无法施工' }],
    ['申请延期 6 延期到7月31日，原因：材料未到', { kind: 'extend', id: '6', date: '7月31日', reason: '材料未到' }],
    ['6 延期到7月底 因为雨季', { kind: 'extend', id: '6', date: '7月底', reason: '雨季' }],
    ['任务6申请延期至2022年7月31日 理由：等待审批', { kind: 'extend', id: '6', date: '2022年7月31日', reason: '等待审批' }],
    ['申请延期 6', { kind: 'extend', id: '6', date: null, reason: null }],
    ['同意 R12', { kind: 'approve', request: 'R12', note: null }],
    ['同意r3', { kind: 'approve', request: 'R3', note: null }],
    ['退回 R12 原因：佐证材料不全', { kind: 'reject', request: 'R12', reason: '佐证材料不全' }],
    ['退回 R12', { kind: 'reject', request: 'R12', reason: null }],
    ['更新 6 进度 80% 备注：主体完工', { kind: 'progress', update: { id: '6', status: null, progress: '80%', note: '主体完工' } }],
  ])('%s', (message, expected) => {
    expect(readChatCommand(message)).toEqual(expected);
  });

  it('leaves questions alone', () => {
    for (const q of ['哪些任务申请延期了', '任务6进展', '交通局负责哪些任务', '签收', '同意', '延期的任务有哪些']) expect(readChatCommand(q)).toBeNull();
  });

  it('reads long hostile messages in time linear in their length', () => {
    const sizes = [10_000, 80_000];
    const times = sizes.map((n) => {
      const inputs = [`签收 6${'1'.repeat(n)}x`, `申请办结 6 ${',,'.repeat(n)}x`, `申请延期 6 至${'7'.repeat(n)}原因${'原因'.repeat(n)}`, `6 ${'延期到'.repeat(n)}`, `同意 R${'1'.repeat(n)}x`];
      const start = performance.now();
      for (const input of inputs) readChatCommand(input);
      return performance.now() - start;
    });
    // 8× the input may cost 8× the time and noise, not 64×.
    expect(times[1] / Math.max(times[0], 1)).toBeLessThan(30);
  });
});
