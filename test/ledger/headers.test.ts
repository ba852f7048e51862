import { describe, expect, it } from 'vitest';
import { LEDGER_FIELDS } from '../../src/domain/types.js';
import { CANONICAL_HEADERS, HEADER_ALIASES, matchHeader } from '../../src/ledger/headers.js';

describe('matchHeader', () => {
  it('matches every canonical header and alias to its field', () => {
    for (const field of LEDGER_FIELDS) {
      for (const text of [CANONICAL_HEADERS[field], ...HEADER_ALIASES[field]]) expect(matchHeader(text)).toBe(field);
    }
  });
  it.each([
    ['截止日期（必填）', 'due'],
    ['完成时限\n(格式: 2022-06-30)', 'due'],
    ['  责任 单位 ', 'lead'],
    ['责任\n单位', 'lead'],
    ['ＤＵＥ', 'due'],
    ['Deadline', 'due'],
    ['No.', 'id'],
    ['*任务', 'title'],
    ['编号：', 'id'],
    ['牵头单位/责任单位', 'lead'],
    ['备注', null],
    ['', null],
  ])('%j → %s', (text, field) => {
    expect(matchHeader(text)).toBe(field);
  });
});

describe('matchHeader on headers from real ledgers', () => {
  it.each([
    ['责任单位及责任人', 'lead'], ['牵头单位和牵头领导', 'lead'], ['配合单位及联系人', 'assist'], ['项目名称', 'title'],
    ['完成期限', 'due'], ['进展情况（截至6月20日）', 'note'], ['推进状态', 'status'], ['完成率', 'progress'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });
  it.each(['责任人', '备注', '联系电话'])('%s is not a ledger column', (header) => {
    expect(matchHeader(header)).toBeNull();
  });

  it('reads headers no table lists by the words they are made of, and only when one field fits', () => {
    expect(matchHeader('办结期限')).toBe('due');
    expect(matchHeader('交办下达日期')).toBe('start');
    expect(matchHeader('最近填报日期')).toBe('updated');
    expect(matchHeader('主责部门')).toBe('lead');
    expect(matchHeader('协作部门')).toBe('assist');
    expect(matchHeader('当前办理状态')).toBe('status');
    expect(matchHeader('状态及进度')).toBe('status');
    expect(matchHeader('进度截止')).toBeNull();
    expect(matchHeader('备注说明')).toBeNull();
  });
  it.each([['牵头领导', 'leader'], ['责任领导', 'leader'], ['分管领导', 'leader'], ['工作内容', 'detail'], ['具体措施', 'detail']])(
    '%s is the optional %s column',
    (header, field) => {
      expect(matchHeader(header)).toBe(field);
    },
  );
});
