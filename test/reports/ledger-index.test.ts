import { describe, expect, it } from 'vitest';
import { indexLedger, ledgerViews } from '../../src/reports/ledger-index.js';
import { answerQuestion } from '../../src/reports/answer.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { addDays } from '../../src/calendar/dates.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import type { WorkCalendar } from '../../src/domain/types.js';
import { makeDirectory, makeLedger, makeTask } from '../support/make-task.js';

/** A weekend calendar that counts day lookups (classifying the 1,000 other tasks would look up ~1,000 days). */
function countingCalendar(): WorkCalendar & { calls: number } {
  const calendar = {
    calls: 0,
    isWorkday(date: string) {
      calendar.calls += 1;
      return weekendCalendar.isWorkday(date);
    },
    addWorkdays: weekendCalendar.addWorkdays,
    workdaysBetween: weekendCalendar.workdaysBetween,
  };
  return calendar;
}

function bigLedger() {
  const others = Array.from({ length: 1_000 }, (_, i) => makeTask({ id: `b${i}`, lead: ['区城管局'], due: addDays('2026-03-05', i) }));
  const mine = ['2026-03-01', '2026-03-02', '2026-03-06'].map((due, i) => makeTask({ id: `a${i}`, lead: ['区交通局'], due }));
  return makeLedger([...others, ...mine]);
}

describe('ledger index and lazy views', () => {
  it('indexes tasks by id and by lead and assisting unit, once per ledger object', () => {
    const ledger = makeLedger([makeTask({ id: '1', lead: ['甲', '乙'], assist: ['丙'] }), makeTask({ id: '1', lead: ['甲'] })]);
    const index = indexLedger(ledger);
    expect(indexLedger(ledger)).toBe(index);
    expect(index.byId.get('1')).toBe(ledger.tasks[0]);
    expect(index.byLead.get('甲')).toHaveLength(2);
    expect(index.byLead.get('乙')).toHaveLength(1);
    expect(index.byAssist.get('丙')).toHaveLength(1);
  });

  it("classifies only the asked unit's tasks, and reuses them on the next question", () => {
    const ledger = bigLedger();
    const calendar = countingCalendar();
    const ctx = { ledger, directory: makeDirectory(ledger), today: '2026-03-04', calendar, options: DEFAULT_REPORT_OPTIONS };
    const first = answerQuestion('交通局负责哪些任务', ctx);
    expect(first.tasks).toHaveLength(3);
    const lookups = calendar.calls;
    expect(lookups).toBe(5); // a handful of days around 2026-03-04, never one per task
    answerQuestion('交通局有逾期的吗', ctx);
    expect(calendar.calls).toBe(lookups);
  });

  it('classifies again for another date', () => {
    const ledger = bigLedger();
    const a = ledgerViews(ledger, '2026-03-04', weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(ledgerViews(ledger, '2026-03-04', weekendCalendar, { ...DEFAULT_REPORT_OPTIONS })).toBe(a);
    const b = ledgerViews(ledger, '2026-03-05', weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(b).not.toBe(a);
    expect(b.view(ledger.tasks[1_000]).daysOverdue).toBe(4);
  });
});
