import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/ledger/csv.js';

describe('parseCsvText', () => {
  it('reads CRLF rows, quoted multi-line cells and ragged rows', () => {
    const csv = parseCsvText('编号,任务,备注\r\n1,"走访\r\n慰问","含,逗号"\r\n2,只有两列\r\n3,a,b,c\r\n');
    expect(csv).toEqual({
      rows: [['编号', '任务', '备注'], ['1', '走访\r\n慰问', '含,逗号'], ['2', '只有两列'], ['3', 'a', 'b', 'c']],
      delimiter: ',',
      warnings: [],
    });
  });
  it('sniffs tab-separated text below a title row', () => {
    const csv = parseCsvText('潼南区双拥工作任务台账\n编号\t任务\t责任单位\n1\t慰问,走访\t区民政局\n');
    expect(csv.delimiter).toBe('\t');
    expect(csv.rows[2]).toEqual(['1', '慰问,走访', '区民政局']);
  });
  it('sniffs semicolons', () => {
    expect(parseCsvText('id;task;lead\n1;x;y\n').rows).toEqual([['id', 'task', 'lead'], ['1', 'x', 'y']]);
  });
  it('keeps stray quotes as text with a warning', () => {
    const csv = parseCsvText('id,task\n1,开展"八一"走访\n2,x\n');
    expect(csv.rows).toEqual([['id', 'task'], ['1', '开展"八一"走访'], ['2', 'x']]);
    expect(csv.warnings).toHaveLength(1);
  });
  it('loses no row to a quote that is never closed', () => {
    const csv = parseCsvText('id,task\n1,"走访\n2,慰问\n3,表彰\n');
    expect(csv.rows.map((row) => row[0])).toEqual(['id', '1', '2', '3']);
    // One warning per reading that failed: strict, then with stray quotes allowed.
    expect(csv.warnings).toEqual(Array.from({ length: 2 }, () => 'CSV quotes are malformed (CSV_QUOTE_NOT_CLOSED); read again more leniently'));
  });
  it('keeps blank lines as blank rows so row numbers match the sheet', () => {
    expect(parseCsvText('id,task\n\n2,x\n').rows).toEqual([['id', 'task'], [''], ['2', 'x']]);
  });
});
