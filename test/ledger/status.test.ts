import { describe, expect, it } from 'vitest';
import { isLaggingStatus, parseStatus, plainStatusKey } from '../../src/ledger/status.js';

describe('parseStatus', () => {
  it.each([
    ['', 'not_started'], ['未开始', 'not_started'], ['未启动', 'not_started'], ['待办理', 'not_started'],
    ['Not started', 'not_started'],
    ['进行中', 'in_progress'], ['推进中', 'in_progress'], ['正在推进', 'in_progress'], ['按序时推进', 'in_progress'],
    ['办理中', 'in_progress'], ['序时推进', 'in_progress'], ['滞后', 'in_progress'], ['未完成', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['已完成', 'done'], ['完成', 'done'], ['已办结', 'done'], ['办结', 'done'], ['已销号', 'done'], ['销号', 'done'],
    ['done', 'done'], ['Completed', 'done'], ['已完成（已销号）', 'done'], ['已完成，待验收', 'done'], [' 已完成。', 'done'],
    ['暂缓', 'paused'], ['搁置', 'paused'], ['暂停', 'paused'], ['paused', 'paused'],
  ])('%j → %s', (word, state) => {
    expect(parseStatus(word)).toEqual({ state, extended: false });
  });
  it.each(['已延期', '延期'])('%s is in progress with an approved extension', (word) => {
    expect(parseStatus(word)).toEqual({ state: 'in_progress', extended: true });
  });
  it.each(['差不多了', '？', 'maybe'])('%s is unknown', (word) => {
    expect(parseStatus(word)).toBeNull();
  });
});

describe('parseStatus: words offices write in real ledgers', () => {
  it.each([
    ['正常推进', 'in_progress'], ['有序推进', 'in_progress'], ['稳妥推进', 'in_progress'], ['序时推进', 'in_progress'],
    ['滞后', 'in_progress'], ['进度滞后', 'in_progress'], ['正常', 'in_progress'],
    ['已完成销号', 'done'], ['完成销号', 'done'], ['已完成并销号', 'done'], ['已办结销号', 'done'],
    ['未启动', 'not_started'], ['尚未启动', 'not_started'], ['未开展', 'not_started'],
    ['暂缓实施', 'paused'], ['暂缓至下半年', 'paused'], ['红灯', 'in_progress'], ['绿灯', 'in_progress'],
  ])('%j → %s', (word, state) => {
    expect(parseStatus(word)).toEqual({ state, extended: false });
  });
});

describe('isLaggingStatus', () => {
  it.each([['滞后', true], ['进度滞后', true], ['慢于序时', true], ['红灯', true], ['正常推进', false], ['已完成', false], ['', false]])(
    '%s → %s',
    (word, lagging) => {
      expect(isLaggingStatus(word)).toBe(lagging);
    },
  );
});

describe('plainStatusKey', () => {
  it('names the state of a word that says only the state, as duban writes it back', () => {
    const words = ['进行中', '推进中', '办理中', '已完成', '已办结', '销号', '未开始', '待办', '暂缓', '已延期', '延期中', 'ＤＯＮＥ', ' 进行中 '];
    expect(words.map(plainStatusKey)).toEqual([
      'in_progress', 'in_progress', 'in_progress', 'done', 'done', 'done', 'not_started', 'not_started', 'paused', 'extended', 'extended', 'done', 'in_progress',
    ]);
  });
  it('has no state for a word that says more (how the work goes, a request), annotated text, or an unknown word', () => {
    expect(['滞后', '按序时推进', '基本完成', '红灯', '申请延期', '已完成（待验收）', '待审核', ''].map(plainStatusKey)).toEqual(Array(8).fill(null));
  });
});
