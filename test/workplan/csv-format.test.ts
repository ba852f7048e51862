import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvCell, UTF8_BOM } from '../../src/ledger/csv-format.js';
import { parseCsvText } from '../../src/ledger/csv.js';

describe('formatCsv', () => {
  it('quotes cells with commas, quotes and line breaks, and ends lines with CRLF', () => {
    const rows = [
      ['编号', '任务'],
      ['1', '丰富“双拥”氛围,设置宣传栏'],
      ['2', '他说"好"'],
      ['3', '第一行\n第二行\r\n第三行'],
      ['4', ' 前后有空格 '],
    ];
    expect(formatCsv(rows)).toBe(
      '编号,任务\r\n1,"丰富“双拥”氛围,设置宣传栏"\r\n2,"他说""好"""\r\n3,"第一行\n第二行\r\n第三行"\r\n4," 前后有空格 "\r\n',
    );
  });

  it('leaves plain cells unquoted and adds no BOM', () => {
    expect(formatCsvCell('区交通局、双江镇，大佛街道')).toBe('区交通局、双江镇，大佛街道');
    expect(formatCsv([['a', '']]).startsWith(UTF8_BOM)).toBe(false);
    expect(UTF8_BOM).toBe('\uFEFF');
  });

  it('reads back to the same rows', () => {
    const rows = [['a,b', '"q"', 'x\r\ny'], ['', '中文', 'end']];
    expect(parseCsvText(formatCsv(rows)).rows.filter((r) => r.some((c) => c))).toEqual(rows);
  });
});
