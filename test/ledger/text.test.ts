import { describe, expect, it } from 'vitest';
import { cellText, foldWidth, isBlankRow } from '../../src/ledger/text.js';

describe('cellText (the one reading of a cell, for the ledger, the unit directory and the calendar tab)', () => {
  it('reads booleans as the spreadsheet shows them, numbers without noise, and nothing as empty', () => {
    expect([true, false].map(cellText)).toEqual(['TRUE', 'FALSE']);
    expect([3, 2.5, Number.NaN, Number.POSITIVE_INFINITY].map(cellText)).toEqual(['3', '2.5', '', '']);
    expect([null, undefined, '  区交通局 \n', ''].map(cellText)).toEqual(['', '', '区交通局', '']);
  });

  it('counts a row of FALSE checkboxes as not blank, and blanks and spaces as blank', () => {
    expect(isBlankRow([null, '  ', ''])).toBe(true);
    expect(isBlankRow([null, false])).toBe(false);
  });

  it('folds full-width letters and digits only', () => {
    expect(foldWidth('２０２２／６　交通局')).toBe('2022/6 交通局');
  });
});
