import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/ledger/csv.js';

describe('parseCsvText', () => {
  it('reads CRLF rows, quoted multi-line cells and ragged rows', () => {
    const csv = parseCsvText('编号,任务,备注\r\n1,"走访\r\n慰问","含,逗号"\r\n2,只有两列\r\n3,a,b,c\r\n');
    expect(csv).toEqual({
      rows: [['编号', '任务', '备注'], ['1', '走访\r\n慰问', '含,逗号'], ['2', '只有两列'], ['3', 'a', 'b', 'c']],
      delimiter: ',',
      warnings: [],
      delimiterNote: null,
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
    // Strict and stray-quote readings fail alike: the warning is given once.
    expect(csv.warnings).toEqual(['CSV quotes are malformed (CSV_QUOTE_NOT_CLOSED); read again more leniently']);
  });
  it('is not swayed by one cell full of semicolons', () => {
    const csv = parseCsvText('编号,任务,责任单位,进展情况\n1,走访,区民政局,"已完成;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;"\n2,慰问,区交通局,;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;\n3,表彰,区林业局,进行中\n');
    expect(csv.delimiter).toBe(',');
    expect(csv.rows.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(csv.delimiterNote).toBeNull();
  });
  it('says which delimiter it chose and why when another also splits several lines evenly', () => {
    const csv = parseCsvText('编号,任务;备注,责任单位\n1,走访;慰问,区民政局\n2,表彰,区交通局\n3,座谈;会,区林业局\n');
    expect(csv.delimiter).toBe(',');
    expect(csv.delimiterNote).toBe(
      '按逗号分列读取：前 4 行中有 4 行按逗号都分成 3 列，按分号只有 3 行分成 2 列；如果列不对，请在 Excel/WPS 中重新另存为 CSV（逗号分隔）',
    );
  });
  it('keeps blank lines as blank rows so row numbers match the sheet', () => {
    expect(parseCsvText('id,task\n\n2,x\n').rows).toEqual([['id', 'task'], [''], ['2', 'x']]);
  });
});
