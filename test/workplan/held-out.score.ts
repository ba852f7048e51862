/**
 * The held-out work plans, scored on demand (`npm run score:held-out`), never by `npm test`: they are kept out of
 * development, and their score is reported, not asserted.
 */
import { it } from 'vitest';
import { scoreCorpus, scoreTable } from './corpus/score.js';

it('held-out plans', async () => {
  const scores = await scoreCorpus('test/fixtures/workplans/held-out');
  console.log(`held-out plans\n${scoreTable(scores)}`);
  if (process.env.DUBAN_SCORE_DETAIL === '1') for (const s of scores) console.log(s.plan, s.misses);
}, 120_000);
