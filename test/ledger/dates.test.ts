import { describe, expect, it } from 'vitest';
import { parseDateCell, type DateParse } from '../../src/ledger/dates.js';

const Y2022 = { referenceYear: 2022 };
const NONE = { referenceYear: null };
const point = (due: string): DateParse => ({ kind: 'date', start: null, due });
const span = (start: string, due: string): DateParse => ({ kind: 'date', start, due });

describe('parseDateCell: full dates', () => {
  it.each([
    ['2022-06-30', '2022-06-30'],
    ['2022/6/30', '2022-06-30'],
    ['2022.6.30', '2022-06-30'],
    ['2022年6月30日', '2022-06-30'],
    ['2022年6月30日前', '2022-06-30'],
    ['2022年6月30号之前', '2022-06-30'],
    ['２０２２年６月３０日', '2022-06-30'],
    ['2022-06-30 00:00:00', '2022-06-30'],
    ['2022-06-30T00:00:00Z', '2022-06-30'],
    ['20220630', '2022-06-30'],
    ['二〇二二年六月三十日', '2022-06-30'],
    [' 2022 年 6 月 30 日 ', '2022-06-30'],
  ])('%s → %s', (text, due) => {
    expect(parseDateCell(text, NONE)).toEqual(point(due));
  });
});

describe('parseDateCell: serial numbers', () => {
  it('reads a serial number cell', () => {
    expect(parseDateCell(44742, NONE)).toEqual(point('2022-06-30'));
  });
  it('reads a serial with a time fraction as its day', () => {
    expect(parseDateCell(44742.75, NONE)).toEqual(point('2022-06-30'));
  });
  it('reads a serial written as text in the plausible range', () => {
    expect(parseDateCell('44742', NONE)).toEqual(point('2022-06-30'));
  });
  it.each([[12], [2022], [100000]])('rejects the number %s', (n) => {
    expect(parseDateCell(n, NONE).kind).toBe('invalid');
  });
  it('rejects numeric text outside the serial range', () => {
    expect(parseDateCell('12345', NONE).kind).toBe('invalid');
  });
});

describe('parseDateCell: month, half-year, year and quarter ends', () => {
  it.each([
    ['6月30日前', point('2022-06-30')],
    ['6月底前', point('2022-06-30')],
    ['6月底', point('2022-06-30')],
    ['六月底', point('2022-06-30')],
    ['2月底', point('2022-02-28')],
    ['2024年2月底', point('2024-02-29')],
    ['2022年6月底', point('2022-06-30')],
    ['2022年6月', span('2022-06-01', '2022-06-30')],
    ['2022-06', span('2022-06-01', '2022-06-30')],
    ['十二月', span('2022-12-01', '2022-12-31')],
    ['2022年6月前', point('2022-06-30')],
    ['2022年6月中旬', point('2022-06-20')],
    ['2022年上半年', span('2022-01-01', '2022-06-30')],
    ['上半年', span('2022-01-01', '2022-06-30')],
    ['2022年下半年', span('2022-07-01', '2022-12-31')],
    ['年底前', point('2022-12-31')],
    ['年底', point('2022-12-31')],
    ['2023年底', point('2023-12-31')],
    ['年内', point('2022-12-31')],
    ['2022年', span('2022-01-01', '2022-12-31')],
    ['2022年第二季度', span('2022-04-01', '2022-06-30')],
    ['二季度末', point('2022-06-30')],
    ['第四季度', span('2022-10-01', '2022-12-31')],
    ['2022年三季度末前', point('2022-09-30')],
  ])('%s', (text, expected) => {
    expect(parseDateCell(text, Y2022)).toEqual(expected);
  });
});

describe('parseDateCell: windows', () => {
  it.each([
    ['2021年1月——12月', span('2021-01-01', '2021-12-31')],
    ['2021年1月-2022年6月', span('2021-01-01', '2022-06-30')],
    ['2021.1-2021.12', span('2021-01-01', '2021-12-31')],
    ['2021.1-12', span('2021-01-01', '2021-12-31')],
    ['2022年1月——6月', span('2022-01-01', '2022-06-30')],
    ['2022-01-10至2022-06-30', span('2022-01-10', '2022-06-30')],
    ['2022年3月~5月底', span('2022-03-01', '2022-05-31')],
    ['1月—6月', span('2022-01-01', '2022-06-30')],
  ])('%s', (text, expected) => {
    expect(parseDateCell(text, Y2022)).toEqual(expected);
  });
  it('rejects a window that ends before it starts', () => {
    expect(parseDateCell('2022年6月-3月', NONE)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('早于') });
  });
});

describe('parseDateCell: ongoing, recurring, empty', () => {
  it.each(['长期坚持', '长期', '常态化', '持续推进', 'ongoing', 'Ongoing'])('%s is ongoing', (text) => {
    expect(parseDateCell(text, NONE)).toEqual({ kind: 'ongoing' });
  });
  it.each(['每季度末', '每月25日前', '每月底', '每周五', 'monthly'])('%s is recurring, text kept', (text) => {
    expect(parseDateCell(text, NONE)).toEqual({ kind: 'recurring', text });
  });
  it.each([null, '', '   ', '/', '无'])('%j is empty', (cell) => {
    expect(parseDateCell(cell, NONE)).toEqual({ kind: 'empty' });
  });
});

describe('parseDateCell: invalid', () => {
  it('asks for the year when none is known', () => {
    const parsed = parseDateCell('6月30日前', NONE);
    expect(parsed).toMatchObject({ kind: 'invalid', needsYear: true });
    expect(parsed.kind === 'invalid' && parsed.reason).toContain('年份');
  });
  it('rejects a day the month does not have', () => {
    expect(parseDateCell('2022-02-30', NONE)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('2022年2月没有30日') });
  });
  it('rejects month 13', () => {
    expect(parseDateCell('13月', Y2022)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('月份 13 不存在') });
  });
  it('rejects 2022-13-01 and 20221301', () => {
    expect(parseDateCell('2022-13-01', NONE).kind).toBe('invalid');
    expect(parseDateCell('20221301', NONE).kind).toBe('invalid');
  });
  it.each(['尽快', 'asap', '待定', true])('names the cell text of %j', (cell) => {
    const parsed = parseDateCell(cell, Y2022);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.reason).toContain(String(cell));
  });
});

describe('parseDateCell: short forms offices type', () => {
  it.each([
    ['6.30', point('2022-06-30')],
    ['6/30', point('2022-06-30')],
    ['6.30前', point('2022-06-30')],
    ['Q3', span('2022-07-01', '2022-09-30')],
    ['2023Q1', span('2023-01-01', '2023-03-31')],
    ['q4末', point('2022-12-31')],
    ['6.1-6.30', span('2022-06-01', '2022-06-30')],
  ])('%s', (text, parsed) => {
    expect(parseDateCell(text, Y2022)).toEqual(parsed);
  });
  it('asks for the year of "6.30" when none is known, and rejects month 13', () => {
    expect(parseDateCell('6.30', NONE)).toMatchObject({ kind: 'invalid', needsYear: true });
    expect(parseDateCell('13.5', Y2022)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('月份 13 不存在') });
  });
});
