/**
 * Held-out question banks (test/fixtures/questions/held-out/LEDGER@YYYY-MM-DD.jsonl, on the fixture ledger LEDGER as of
 * that date), scored on demand (`npm run score:held-out`), never by `npm test`: written by people who saw neither the
 * code nor the other banks, their score is reported, not asserted. Once read, a bank moves to bank/LEDGER.jsonl, which
 * the suite holds to every answer.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { check, loadBankLedger, QUESTIONS_DIR, readBank } from '../support/question-bank.js';

const HELD_OUT = join(QUESTIONS_DIR, 'held-out');

it('held-out questions', async () => {
  const files = existsSync(HELD_OUT) ? readdirSync(HELD_OUT).filter((f) => /^[\w-]+@\d{4}-\d{2}-\d{2}\.jsonl$/.test(f)) : [];
  if (files.length === 0) console.log(`no held-out questions in ${HELD_OUT}: put LEDGER@YYYY-MM-DD.jsonl files there to score them`);
  const scored: string[] = [];
  for (const file of files) {
    const [folder, today] = file.replace(/\.jsonl$/, '').split('@');
    const bank = await loadBankLedger(folder!, today!);
    const questions = readBank(`held-out/${file}`);
    const wrong = questions.map((q) => ({ q: q.q, why: check(q, bank) })).filter((r) => r.why !== null);
    console.log(`${file}: ${questions.length - wrong.length}/${questions.length} right`);
    if (process.env.DUBAN_SCORE_DETAIL === '1') console.log(wrong.map((w) => `${w.q}\t${w.why}`).join('\n'));
    scored.push(file);
  }
  expect(scored).toEqual(files);
});
