import { it } from 'vitest';
import { readQuestion } from '../src/ask/read-question.js';
import { createWorkCalendar } from '../src/calendar/chinese-calendar.js';
import { loadBankLedger } from './support/question-bank.js';
it('dbg', async () => {
  const bank = await loadBankLedger(process.env.LEDGER ?? 'ledger-c', process.env.TODAY ?? '2025-12-17');
  console.log('start');
  for (const q of (process.env.QS ?? '').split('|')) {
    const r = readQuestion(q, { ...bank, calendar: createWorkCalendar() });
    console.log('Q', q, JSON.stringify({ ...r }, (_k, v) => (Array.isArray(v) && v.length === 0) || v === null || v === false ? undefined : v));
  }
});
