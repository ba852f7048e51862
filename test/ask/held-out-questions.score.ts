/**
 * The held-out question bank (test/fixtures/questions/held-out): 130 questions on ledger B by a writer who saw neither
 * the code nor the development banks, scored on demand (`npm run score:held-out`), not held to a bar in the suite.
 */
import { expect, it } from 'vitest';
import { check, loadBankLedger, readBank } from '../support/question-bank.js';

it('held-out questions on ledger B (2026-04-22)', async () => {
  const bank = await loadBankLedger('ledger-b', '2026-04-22');
  const questions = readBank('held-out/questions.jsonl');
  const wrong = questions.map((q) => ({ q: q.q, why: check(q, bank) })).filter((r) => r.why !== null);
  console.log(`held-out questions: ${questions.length - wrong.length}/${questions.length} right`);
  if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(wrong.map((w) => `${w.q}\t${w.why}`).join('\n'));
  expect(questions.length).toBe(130);
});
