/** The ways people write a unit's name, derived from the name alone. */
import { describe, expect, it } from 'vitest';
import { surfacesOf } from '../../src/ask/units/surfaces.js';

const texts = (name: string, topics: string[] = []) => new Map(surfacesOf(name, topics).map((s) => [s.text, s.tier]));

describe('surfacesOf', () => {
  it('drops the place and keeps the name as strong as written', () => {
    const s = texts('潼南区交通局');
    expect(s.get('潼南区交通局')).toBe(3);
    expect(s.get('交通局')).toBe(3);
    expect(texts('区城市管理局').get('城市管理局')).toBe(3);
    expect(texts('市场监督管理局').has('场监督管理局')).toBe(false);
  });

  it('derives initials, leading words, one word with the ending, and bare cores', () => {
    const s = texts('区城市管理局');
    expect(s.get('城管局')).toBe(2);
    expect(s.get('城管')).toBe(1);
    expect(texts('区住房城乡建委').get('住建委')).toBe(2);
    expect(texts('区交通运输委员会').get('交委')).toBe(2);
    expect(texts('区退役军人事务局').get('退役军人局')).toBe(2);
    expect(texts('区政务服务数据管理局').get('数据局')).toBe(2);
    expect(texts('区政务服务数据管理局').get('政数局')).toBe(2);
    expect(texts('县自然资源和规划局').get('自然资源局')).toBe(2);
  });

  it('gives sibling endings and the glossary’s words for the field a weaker tier', () => {
    expect(texts('区教育委员会').get('教育局')).toBe(1.5);
    // a one-character core says too little with another ending: 计委 is not 计局 (in 统计局)
    expect([...texts('计委').keys()]).toEqual(['计委']);
    expect(texts('区生态环境分局', ['环保']).get('环保局')).toBe(2);
  });

  it('keeps a two-character name whole and never offers a generic first word alone', () => {
    expect(texts('三和街道').get('三和')).toBe(1);
    expect(texts('县综合行政执法局').has('综合')).toBe(false);
    expect(texts('县综合行政执法局').get('执法局')).toBe(2);
  });
});
