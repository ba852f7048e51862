import { describe, expect, it } from 'vitest';
import { nearCandidates, nearNames } from '../../src/domain/near-names.js';
import { createDirectory } from '../../src/domain/directory.js';
import type { Unit } from '../../src/domain/types.js';

const unit = (name: string, aliases: string[] = []): Unit => ({
  name,
  aliases,
  liaison: null,
  liaisonAccount: null,
  chat: null,
  leader: null,
  leaderAccount: null,
  inDirectory: true,
});

describe('near names from precomputed candidates', () => {
  const units = [unit('区交通局'), unit('区林业局', ['林业']), unit('区司法局'), unit('𠀀局')];
  const candidates = nearCandidates(units);

  it('ranks same-topic units first, then by similarity, at most `limit`', () => {
    expect(nearNames('林叶局', candidates, [])).toEqual(['区林业局']);
    expect(nearNames('交通委员', candidates, [units[0]])).toEqual(['区交通局']);
    expect(nearNames('司法所', candidates, [], 1)).toEqual(['区司法局']);
  });

  it('compares characters outside the basic plane as one character', () => {
    expect(nearNames('𠀀𠀀', candidates, [])).toEqual(['𠀀局']);
  });

  it('suggests nothing for an unrelated query', () => {
    expect(nearNames('xyz', candidates, [])).toEqual([]);
  });

  it('gives the directory the same suggestions on a repeated unknown query', () => {
    const directory = createDirectory(units, []);
    const first = directory.resolve('林叶局');
    expect(first).toEqual({ kind: 'unknown', query: '林叶局', near: ['区林业局'] });
    expect(directory.resolve('林叶局')).toBe(first);
  });
});
