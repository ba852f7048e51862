import { describe, expect, it } from 'vitest';
import { ledgerViews } from '../../src/reports/ledger-index.js';
import { answerQuestion } from '../../src/reports/answer.js';
import { toAnswerTask } from '../../src/reports/answer-task.js';
import { buildDigest, summarize } from '../../src/reports/digest.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import type { ClassifiedTask } from '../../src/reports/classify.js';
import { makeDirectory, makeLedger, makeTask } from '../support/make-task.js';

const today = '2026-03-04';

function ledger() {
  return makeLedger([
    makeTask({ id: '1', lead: ['区交通局'], due: '2026-03-01', title: '修路' }),
    makeTask({ id: '2', lead: ['区交通局'], due: '2026-03-06', title: '双拥公园维护' }),
    makeTask({ id: '3', lead: ['区林业局'], due: '2026-02-20', title: '植树' }),
    makeTask({ id: '4', lead: ['区林业局'], due: '2026-03-05', status: 'done' }),
  ]);
}

function context() {
  const l = ledger();
  return { ledger: l, directory: makeDirectory(l), today, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS };
}

describe('ledger-wide results derived once per ledger and day', () => {
  it('computes a derived value once and shares it until the day changes', () => {
    const l = ledger();
    let calls = 0;
    const countOverdue = (all: readonly ClassifiedTask[]) => {
      calls += 1;
      return all.filter((v) => v.overdue).length;
    };
    const views = ledgerViews(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(views.derived(countOverdue)).toBe(2);
    expect(ledgerViews(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS).derived(countOverdue)).toBe(2);
    expect(calls).toBe(1);
    expect(views.all()).toBe(views.all());
    expect(ledgerViews(l, '2026-03-09', weekendCalendar, DEFAULT_REPORT_OPTIONS).derived(countOverdue)).toBe(3);
    expect(calls).toBe(2);
  });

  it('gives each caller of buildDigest its own lists, so changing one digest leaves the next intact', () => {
    const l = ledger();
    const first = buildDigest(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    first.overdue.length = 0;
    first.units[0].overdue = 99;
    first.lights.red = 99;
    const second = buildDigest(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(second.overdue.map((v) => v.task.id)).toEqual(['3', '1']);
    expect(second.units.map((u) => [u.unit, u.overdue])).toEqual([['区交通局', 1], ['区林业局', 1]]);
    expect(second.lights.red).toBe(1);
    expect(ledgerViews(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS).derived(summarize).overdue).toHaveLength(2);
  });

  it('answers a repeated question with the same content, and the progress numbers match the digest', () => {
    const ctx = context();
    for (const question of ['逾期任务', '本周到期', '双拥公园', '总体进展', '哪些单位逾期最多']) {
      const first = answerQuestion(question, ctx);
      first.tasks.length = 0;
      first.sections.forEach((s) => (s.tasks.length = 0));
      expect(answerQuestion(question, ctx)).toEqual(answerQuestion(question, context()));
    }
    const digest = buildDigest(ctx.ledger, today, weekendCalendar, DEFAULT_REPORT_OPTIONS);
    expect(answerQuestion('总体进展', ctx).lines[1]).toContain(`逾期 ${digest.overdue.length} 项`);
  });
});

describe('answer entries', () => {
  it('are built once per classified task and role, and frozen because answers share them', () => {
    const l = ledger();
    const view = ledgerViews(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS).view(l.tasks[0]);
    const lead = toAnswerTask(view);
    expect(toAnswerTask(view, 'lead')).toBe(lead);
    expect(toAnswerTask(view, 'assist')).not.toBe(lead);
    expect(toAnswerTask(view, 'assist').role).toBe('assist');
    expect(Object.isFrozen(lead)).toBe(true);
    expect(lead).toMatchObject({ id: '1', role: 'lead', overdue: true, daysOverdue: 3 });
  });

  it('are built afresh on another day', () => {
    const l = ledger();
    const before = toAnswerTask(ledgerViews(l, today, weekendCalendar, DEFAULT_REPORT_OPTIONS).view(l.tasks[0]));
    const after = toAnswerTask(ledgerViews(l, '2026-03-05', weekendCalendar, DEFAULT_REPORT_OPTIONS).view(l.tasks[0]));
    expect(after.daysOverdue).toBe(before.daysOverdue + 1);
  });
});
