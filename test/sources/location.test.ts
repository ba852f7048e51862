import { describe, expect, it } from 'vitest';
import { isLocalLocation, isTableFile, LocationError, parseLocation, webLink } from '../../src/sources/location.js';

describe('parseLocation', () => {
  it('picks the backend from the form of the location', () => {
    expect(parseLocation('sheets-templates/example/tasks.csv')).toEqual({ kind: 'local', path: 'sheets-templates/example/tasks.csv' });
    expect(parseLocation('https://docs.google.com/spreadsheets/d/1AbC-xyz_123/edit#gid=42')).toEqual({ kind: 'google', spreadsheetId: '1AbC-xyz_123', gid: 42 });
    expect(parseLocation('https://docs.google.com/spreadsheets/d/1AbC/edit?gid=7#gid=7')).toMatchObject({ gid: 7 });
    expect(parseLocation('https://docs.google.com/spreadsheets/d/1AbC/edit')).toMatchObject({ gid: null });
    expect(parseLocation('https://tongnan.feishu.cn/sheets/shtcnAbc123?sheet=Q7PlXT')).toEqual({ kind: 'feishu-sheet', token: 'shtcnAbc123', sheet: 'Q7PlXT' });
    expect(parseLocation('https://tongnan.feishu.cn/base/bascnAbc?table=tblXyz&view=vew1')).toEqual({ kind: 'bitable', appToken: 'bascnAbc', tableId: 'tblXyz' });
    expect(parseLocation('feishu-sheet:shtcnAbc/台账 2022')).toEqual({ kind: 'feishu-sheet', token: 'shtcnAbc', sheet: '台账 2022' });
    expect(parseLocation('bitable:bascnAbc/tblXyz')).toEqual({ kind: 'bitable', appToken: 'bascnAbc', tableId: 'tblXyz' });
    expect(parseLocation('https://tongnan.feishu.cn/wiki/wikcnAbc?sheet=Q7PlXT')).toEqual({ kind: 'feishu-wiki', nodeToken: 'wikcnAbc', sheet: 'Q7PlXT', tableId: null });
  });

  it('explains URLs it cannot use', () => {
    expect(() => parseLocation('https://tongnan.feishu.cn/base/bascnAbc')).toThrow(/缺少 table 参数/);
    expect(() => parseLocation('https://example.com/ledger.csv')).toThrow(LocationError);
    expect(() => parseLocation('https://tongnan.feishu.cn/docx/doxcnAbc')).toThrow(/无法识别的飞书链接/);
    expect(() => parseLocation('bitable:bascnAbc')).toThrow(/简写格式不对/);
  });
});

describe('isTableFile', () => {
  it('tells a units file from the name of a tab or Bitable table', () => {
    expect(['units.csv', 'dir/单位.XLSX', 'u.tsv', 'u.txt'].map(isTableFile)).toEqual([true, true, true, true]);
    expect(['单位', 'tblAbc123', 'units.csv.bak'].map(isTableFile)).toEqual([false, false, false]);
  });
});

describe('local paths and web links', () => {
  it('tells a path on this machine from a link or a shorthand, and gives cards the link', () => {
    expect(isLocalLocation('sheets-templates/example/tasks.csv')).toBe(true);
    expect(isLocalLocation('C:\\台账\\tasks.xlsx')).toBe(true);
    expect(isLocalLocation(' https://docs.google.com/spreadsheets/d/abc/edit')).toBe(false);
    expect(isLocalLocation('bitable:bascnAbc/tblXyz')).toBe(false);
    expect(webLink('https://x.feishu.cn/sheets/shtAbc')).toBe('https://x.feishu.cn/sheets/shtAbc');
    expect(webLink('feishu-sheet:shtAbc/台账')).toBeNull();
    expect(webLink('/srv/ledger.csv')).toBeNull();
  });
});
