import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/domain/directory.js';
import type { Unit } from '../../src/domain/types.js';

function directoryUnit(name: string, aliases: string[] = [], chat: string | null = null): Unit {
  return { name, aliases, liaison: null, liaisonAccount: null, chat, leader: null, leaderAccount: null, inDirectory: true };
}

describe('createDirectory', () => {
  it('keeps directory units and adds unresolved seen names as units outside the directory', () => {
    const directory = createDirectory([directoryUnit('区交通局', [], 'oc_1')], ['交通局', '区林业局', '区交通局']);
    expect(directory.units.map((unit) => [unit.name, unit.inDirectory])).toEqual([
      ['区交通局', true],
      ['区林业局', false],
    ]);
    expect(directory.get('区交通局')?.chat).toBe('oc_1');
  });

  it('maps seen spellings of a directory unit onto it, through key and glossary', () => {
    const directory = createDirectory([directoryUnit('潼南区人力资源和社会保障局')], ['区人力社保局', '人社局']);
    expect(directory.units.map((unit) => unit.name)).toEqual(['潼南区人力资源和社会保障局']);
    for (const name of ['区人力社保局', '人社局', 'HRSS']) {
      const match = directory.resolve(name);
      expect(match.kind === 'found' && match.unit.name).toBe('潼南区人力资源和社会保障局');
    }
  });

  it('merges seen spellings into one unit named by the most formal one', () => {
    const directory = createDirectory([], ['交通局', '桂林街道', '区交通局', '桂林街道办事处', '区卫健委', '区卫生健康委员会']);
    expect(directory.units.map((unit) => [unit.name, unit.aliases])).toEqual([
      ['区交通局', ['交通局']],
      ['桂林街道办事处', ['桂林街道']],
      ['区卫生健康委员会', ['区卫健委']],
    ]);
    const match = directory.resolve('交通局');
    expect(match.kind === 'found' && match.unit.name).toBe('区交通局');
  });

  it('never merges two places of the same kind', () => {
    const directory = createDirectory([], ['双江镇', '古溪镇', '大佛街道', '桂林街道办事处']);
    expect(directory.units).toHaveLength(4);
  });

  it('does not copy a seen name onto a directory unit’s aliases or mutate the input', () => {
    const input = directoryUnit('区交通局', ['transport bureau']);
    const directory = createDirectory([input], ['交通局']);
    expect(input.aliases).toEqual(['transport bureau']);
    expect(directory.get('区交通局')?.aliases).toEqual(['transport bureau']);
  });

  it('leaves a seen name that is ambiguous between directory units to the caller', () => {
    const directory = createDirectory([directoryUnit('梓潼街道办事处', ['街道办']), directoryUnit('桂林街道办事处', ['街道办'])], ['街道办']);
    expect(directory.units).toHaveLength(2);
    expect(directory.resolve('街道办').kind).toBe('ambiguous');
  });

  it('resolves directory aliases case- and width-insensitively and prefers the English alias as the English name', () => {
    const directory = createDirectory([directoryUnit('区故管处', ['Heritage Office', '故管'])], []);
    const match = directory.resolve('ＨＥＲＩＴＡＧＥ office');
    expect(match.kind === 'found' && match.unit.name).toBe('区故管处');
    expect(directory.englishName(directory.units[0])).toBe('Heritage Office');
  });

  it('answers a repeated query the same way', () => {
    const directory = createDirectory([], ['区交通局']);
    expect(directory.resolve('交通局')).toEqual(directory.resolve(' 交通局 '));
  });
});
