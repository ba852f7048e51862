import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/ledger/progress.js';

describe('parseProgress', () => {
  it.each([
    ['60%', 60], ['60％', 60], ['０.６', 60], ['0.6', 60], [0.6, 60], ['60', 60], [60, 60], [1, 100], ['1', 1],
    ['100%', 100], [' 33.3 % ', 33.3], [1 / 3, 33.3], ['六成', 60], [0, 0], ['0', 0],
  ])('%j → %s', (cell, value) => {
    expect(parseProgress(cell)).toEqual({ value, invalid: false });
  });
  it.each([null, '', '  '])('%j is empty', (cell) => {
    expect(parseProgress(cell)).toEqual({ value: null, invalid: false });
  });
  it.each(['120%', 150, '-5', -0.5])('%j is out of range', (cell) => {
    expect(parseProgress(cell)).toEqual({ value: null, invalid: true, reason: 'out_of_range' });
  });
  it.each(['过半', 'abc', true, '60%%'])('%j is unreadable', (cell) => {
    expect(parseProgress(cell)).toEqual({ value: null, invalid: true, reason: 'unreadable' });
  });
});

describe('parseProgress: cells as offices type them', () => {
  it.each([
    ['已完成80%', 80], ['约60%', 60], ['80%左右', 80], ['完成进度 45%', 45], ['60多', 60],
  ])('%s → %d', (cell, value) => {
    expect(parseProgress(cell)).toEqual({ value, invalid: false });
  });
  it.each(['—', '-', '/', '无'])('%s is no progress', (cell) => {
    expect(parseProgress(cell)).toEqual({ value: null, invalid: false });
  });
  it('keeps a word without a number unreadable', () => {
    expect(parseProgress('完成')).toMatchObject({ value: null, invalid: true, reason: 'unreadable' });
  });
});
