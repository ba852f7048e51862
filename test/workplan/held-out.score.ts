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
  if (!existsSync(HELD_OUT) || corpusPlans(HELD_OUT).length === 0) {
    console.log(`no held-out plans in ${HELD_OUT}: put plans with their labels there to score them`);
    return;
  }
  const scores = await scoreCorpus(HELD_OUT);
  console.log(`held-out plans\n${scoreTable(scores)}`);
  if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(missList(scores));
  expect(scores.length).toBeGreaterThan(0);
}, 120_000);
