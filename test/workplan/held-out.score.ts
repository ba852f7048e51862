/**
 * The held-out work plans (test/fixtures/workplans/held-out/, when someone has put plans there), scored on demand
 * (`npm run score:held-out`), never by `npm test`: they are kept out of development, and their score is reported,
 * not asserted. Once read, held-out plans move to seen/, which the corpus test holds to the bar.
 */
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { corpusPlans, missList, scoreCorpus, scoreTable } from './corpus/score.js';

const HELD_OUT = 'test/fixtures/workplans/held-out';

it('held-out plans', async () => {
  const plans = existsSync(HELD_OUT) ? corpusPlans(HELD_OUT) : [];
  const scores = plans.length === 0 ? [] : await scoreCorpus(HELD_OUT);
  expect(scores.map((s) => s.plan)).toEqual(plans.map((p) => p.id));
  if (scores.length === 0) {
    console.log(`no held-out plans in ${HELD_OUT}: put plans with their labels there to score them`);
    return;
  }
  console.log(`held-out plans\n${scoreTable(scores)}`);
  if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(missList(scores));
}, 120_000);
