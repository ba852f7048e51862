/** The work-plan corpus (test/fixtures/workplans/README.md): the import scored against hand labels, per plan and in total. */
import { describe, expect, it } from 'vitest';
import { scoreCorpus, scoreTable, total } from './corpus/score.js';

const DEV = 'test/fixtures/workplans';

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
});
