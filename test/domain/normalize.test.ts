import { describe, expect, it } from 'vitest';
import { findColumn, normalizeHeader } from '../../src/ledger/header-text.js';
import { splitUnits } from '../../src/ledger/split-units.js';
import { formality, looseName, unitKey } from '../../src/domain/normalize-unit.js';
import { looksLikeAccount, looksLikeChatId } from '../../src/domain/contact.js';

describe('header text', () => {
  it('ignores spaces, width, case, underscores and bracketed notes', () => {
    expect(normalizeHeader(' ＣＨＡＴ＿ＩＤ ')).toBe('chatid');
    expect(normalizeHeader('联络员账号（open_id/邮箱/手机）')).toBe('联络员账号');
    expect(normalizeHeader('*单位 名称:')).toBe('单位名称');
  });

  it('finds the first header matching any accepted name', () => {
    expect(findColumn(['序号', ' 单位名称', '单位'], ['单位', '单位名称'])).toBe(1);
    expect(findColumn(['序号'], ['单位'])).toBe(-1);
  });
});

describe('unit cells', () => {
  it('splits on 、，,；; / and new lines, trimming and dropping empties', () => {
    expect(splitUnits('区司法局、区国资委，区卫健委;区商务委；区城投集团/ 双江镇\n大佛街道,, ')).toEqual([
      '区司法局', '区国资委', '区卫健委', '区商务委', '区城投集团', '双江镇', '大佛街道',
    ]);
    expect(splitUnits('  ')).toEqual([]);
  });
});

describe('unit keys', () => {
  it('drop place prefixes and formal suffixes so spellings of one unit meet', () => {
    for (const name of ['区交通局', '交通局', '潼南区交通局', '重庆市交通局', ' 区 交通局 ']) expect(unitKey(name)).toBe('交通局');
    for (const name of ['桂林街道', '桂林街道办事处', '桂林街道办']) expect(unitKey(name)).toBe('桂林街道');
    expect(unitKey('双江镇人民政府')).toBe('双江镇');
    expect(unitKey('区住房和城乡建设委员会')).toBe('住房和城乡建委');
    expect(unitKey('区卫生健康委员会')).toBe('卫生健康委');
  });

  it('keep 市 where it begins a word, and never shrink a name below two characters', () => {
    expect(unitKey('区市场监督管理局')).toBe('市场监督管理局');
    expect(unitKey('市场监督管理局')).toBe('市场监督管理局');
    expect(unitKey('区委')).toBe('区委');
  });

  it('ignore invisible characters pasted in with a name (zero-width, direction marks, BOM)', () => {
    for (const name of ['区\u200b交通\u200d局', '\u202e区交通局\u202c', '\ufeff交通局\u200e']) expect(unitKey(name)).toBe('交通局');
  });

  it('compare width- and case-insensitively', () => {
    expect(looseName('Transport  Bureau')).toBe(looseName('ｔｒａｎｓｐｏｒｔ bureau'));
  });

  it('rank the prefixed, fully suffixed spelling as the most formal', () => {
    expect(formality('区交通局')).toBeGreaterThan(formality('交通局'));
    expect(formality('桂林街道办事处')).toBeGreaterThan(formality('桂林街道'));
  });
});

describe('contact shapes', () => {
  it('accepts chat ids that start with oc_ only', () => {
    expect(looksLikeChatId('oc_a0b1c2')).toBe(true);
    expect(looksLikeChatId('ou_a0b1c2')).toBe(false);
    expect(looksLikeChatId('交通局群')).toBe(false);
  });

  it('accepts open_id, email and mainland mobile accounts', () => {
    for (const ok of ['ou_7d8a6e6df7621556ce0d21922b676706', 'zhang@example.gov.cn', '13800138000', '+8613800138000', '+86 138-0013-8000']) {
      expect(looksLikeAccount(ok)).toBe(true);
    }
    for (const bad of ['张三', '1380013800', 'oc_123', 'zhang@', '23800138000']) expect(looksLikeAccount(bad)).toBe(false);
  });
});
