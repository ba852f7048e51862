/** The work-plan corpus (test/fixtures/workplans/README.md): the import scored against hand labels, per plan and in total. */
import { describe, expect, it } from 'vitest';
import { scoreCorpus, scoreTable, total } from './corpus/score.js';

const DEV = 'test/fixtures/workplans';
const HELD_OUT = 'test/fixtures/workplans/held-out';

describe('the work-plan corpus', () => {
  it('development plans: at least 90% of tasks found, 85% with the exact lead units, 80% with the exact assisting units, none invented', async () => {
    const scores = await scoreCorpus(DEV);
    console.log(`development plans\n${scoreTable(scores)}`);
    const sum = total(scores);
    expect(sum.labelled).toBeGreaterThan(300);
    expect(sum.found / sum.labelled).toBeGreaterThanOrEqual(0.9);
    expect(sum.lead / sum.labelled).toBeGreaterThanOrEqual(0.85);
    expect(sum.assist / sum.labelled).toBeGreaterThanOrEqual(0.8);
    expect(sum.invented).toBe(0);
  }, 60_000);

  // Scored once, at the end: the held-out plans were never read while the importer was built.
  it.runIf(process.env.DUBAN_SCORE_HELD_OUT === '1')('held-out plans', async () => {
    const scores = await scoreCorpus(HELD_OUT);
    console.log(`held-out plans\n${scoreTable(scores)}`);
    if (process.env.DUBAN_SCORE_DETAIL === '1') for (const s of scores) console.log(s.plan, s.misses);
  }, 60_000);
});
