/** Builds the reports of the sample ledger for rendering tests. */
import { buildDigest } from '../../src/reports/digest.js';
import { buildReminderPlan } from '../../src/reports/reminders.js';
import { answerQuestion } from '../../src/reports/answer.js';
import type { Ledger } from '../../src/domain/types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../src/reports/options.js';
import { weekendCalendar } from '../../src/calendar/weekend-calendar.js';
import { sampleDirectory, sampleLedger, TODAY } from '../reports/sample-ledger.js';

export const sampleDigest = (ledger: Ledger = sampleLedger()) => buildDigest(ledger, TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS);

export function samplePlan(ledger: Ledger = sampleLedger()) {
  return buildReminderPlan(ledger, sampleDirectory(ledger), TODAY, weekendCalendar, DEFAULT_REPORT_OPTIONS, {
    defaultChat: 'oc_default',
    officeChat: 'oc_office',
  });
}

export function sampleAnswer(question: string, ledger: Ledger = sampleLedger()) {
  return answerQuestion(question, { ledger, directory: sampleDirectory(ledger), today: TODAY, calendar: weekendCalendar, options: DEFAULT_REPORT_OPTIONS });
}
