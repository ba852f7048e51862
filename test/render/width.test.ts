import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay, truncateDisplay } from '../../src/render/width.js';

describe('displayWidth', () => {
  it('counts East Asian wide and fullwidth characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('区交通局')).toBe(8);
    expect(displayWidth('任务6（进行中）')).toBe(15);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('ignores ANSI colour codes and combining marks', () => {
    expect(displayWidth('\u001b[31m逾期\u001b[0m')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});

describe('padDisplay and truncateDisplay', () => {
  it('pads to display columns, left or right', () => {
    expect(padDisplay('交通', 6)).toBe('交通  ');
    expect(padDisplay('12', 5, 'right')).toBe('   12');
    expect(padDisplay('区交通局', 4)).toBe('区交通局');
  });

  it('cuts to a width, ending with an ellipsis', () => {
    expect(truncateDisplay('区交通局负责', 7)).toBe('区交通…');
    expect(displayWidth(truncateDisplay('区交通局负责', 7))).toBeLessThanOrEqual(7);
    expect(truncateDisplay('abc', 7)).toBe('abc');
  });
});
