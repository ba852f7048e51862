import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/domain/directory.js';
import type { UnitMatch } from '../../src/domain/types.js';
import { PLAN_UNITS } from './example-units.js';

const directory = createDirectory([], PLAN_UNITS);

function outcome(match: UnitMatch): string {
  if (match.kind === 'found') return match.unit.name;
  if (match.kind === 'ambiguous') return `ambiguous: ${match.candidates.map((unit) => unit.name).sort().join('|')}`;
  return `unknown: ${match.near.join('|')}`;
}

describe('UnitDirectory.resolve over the example plan’s units', () => {
  it.each([
    ['区交通局', '区交通局'],
    ['交通局', '区交通局'],
    ['潼南区交通局', '区交通局'],
    ['重庆市潼南区交通局', '区交通局'],
    ['区 交通局', '区交通局'],
    ['交通运输局', '区交通局'],
    ['桂林街道', '桂林街道办事处'],
    ['桂林街道办', '桂林街道办事处'],
    ['梓潼街道', '梓潼街道办事处'],
    ['大佛街道办事处', '大佛街道'],
    ['双江镇人民政府', '双江镇'],
    ['住房城乡建委', '区住房城乡建委'],
    ['区住房和城乡建设委员会', '区住房城乡建委'],
    ['卫生健康委员会', '区卫健委'],
    ['卫健委', '区卫健委'],
    ['人社局', '区人力社保局'],
    ['市场监管局', '区市场监督管理局'],
    ['市场监督管理局', '区市场监督管理局'],
    ['宣传部', '区委宣传部'],
    ['党校', '区委党校'],
    ['人武部', '区人武部'],
    ['故管处', '区故管处'],
    ['国资委', '区国资委'],
    ['城投集团', '区城投集团'],
  ])('resolves the Chinese spelling %s to %s', (query, expected) => {
    expect(outcome(directory.resolve(query))).toBe(expected);
  });

  it.each([
    ['transport bureau', '区交通局'],
    ['the Transport Bureau', '区交通局'],
    ["the transport bureau's", '区交通局'],
    ['Transport Bureaus', '区交通局'],
    ['transport', '区交通局'],
    ['human resources and social security bureau', '区人力社保局'],
    ['HRSS', '区人力社保局'],
    ['veterans affairs bureau', '区退役军人事务局'],
    ['Veterans Affairs', '区退役军人事务局'],
    ['market supervision and administration bureau', '区市场监督管理局'],
    ['urban management bureau', '区城管局'],
    ['health commission', '区卫健委'],
    ['housing and urban-rural development commission', '区住房城乡建委'],
    ['science and technology bureau', '区科技局'],
    ['taxation bureau', '潼南税务局'],
    ['publicity department', '区委宣传部'],
    ['party school', '区委党校'],
    ["people's armed forces department", '区人武部'],
    ['state-owned assets commission', '区国资委'],
    ['forestry bureau', '区林业局'],
    ['justice bureau', '区司法局'],
    ['commerce commission', '区商务委'],
    ['agriculture and rural affairs commission', '区农业农村委'],
    ['tourism investment group', '区旅投集团'],
  ])('resolves the English name %s to %s', (query, expected) => {
    expect(outcome(directory.resolve(query))).toBe(expected);
  });

  it.each([
    ['人力社保', '区人力社保局'],
    ['退役军人', '区退役军人事务局'],
    ['税务局', '潼南税务局'],
    ['大佛', '大佛街道'],
    ['城管', '区城管局'],
  ])('resolves the partial name %s to %s', (query, expected) => {
    expect(outcome(directory.resolve(query))).toBe(expected);
  });

  it('never guesses between several units at one level', () => {
    expect(outcome(directory.resolve('街道'))).toBe('ambiguous: 大佛街道|桂林街道办事处|梓潼街道办事处');
    expect(outcome(directory.resolve('subdistrict'))).toBe('ambiguous: 大佛街道|桂林街道办事处|梓潼街道办事处');
    expect(outcome(directory.resolve('城'))).toBe('ambiguous: 区住房城乡建委|区城投集团|区城管局');
    expect(outcome(directory.resolve('集团'))).toBe('ambiguous: 区城投集团|区旅投集团');
  });

  it('returns near names for an unknown unit, related units first', () => {
    expect(directory.resolve('住建局')).toEqual({ kind: 'unknown', query: '住建局', near: ['区住房城乡建委'] });
    expect(outcome(directory.resolve('卫生局'))).toBe('unknown: 区卫健委');
    expect(outcome(directory.resolve('transport commission'))).toBe('unknown: 区交通局');
    expect(outcome(directory.resolve('交通建设局'))).toMatch(/^unknown: 区交通局/);
    expect(directory.resolve('双拥公园')).toEqual({ kind: 'unknown', query: '双拥公园', near: [] });
  });

  it('gives at most three near names', () => {
    const match = directory.resolve('区局');
    expect(match.kind).toBe('unknown');
    if (match.kind === 'unknown') expect(match.near.length).toBeLessThanOrEqual(3);
  });

  it('gets a unit by canonical name only', () => {
    expect(directory.get('区交通局')?.name).toBe('区交通局');
    expect(directory.get('交通局')).toBeUndefined();
  });

  it('renders English names from the glossary', () => {
    const english = (name: string) => directory.englishName(directory.get(name)!);
    expect(english('区交通局')).toBe('Transport Bureau');
    expect(english('区人力社保局')).toBe('Human Resources and Social Security Bureau');
    expect(english('区委宣传部')).toBe('Publicity Department');
    expect(english('区人武部')).toBe("People's Armed Forces Department");
    expect(english('区住房城乡建委')).toBe('Housing and Urban-Rural Development Commission');
    expect(english('潼南税务局')).toBe('Taxation Bureau');
    expect(english('双江镇')).toBeNull();
  });
});
