import type { Intent } from '../ask/intent.js';
import type { IsoDate } from '../domain/types.js';
import { addDays, monthEnd, weekday } from '../calendar/dates.js';
import type { ClassifiedTask } from './classify.js';
import type { Answer, AnswerContext, AnswerTask } from './answer-types.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { resolveUnit } from './answer-units.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { mostOverdueFirst } from './digest.js';
import { indexTexts, searchTexts } from './search-texts.js';
import { bySoonestDue } from './sort.js';

/** The tasks a question is about: one unit's lead tasks, or the whole ledger. */
interface Scope {
  unit: string | null;
  /** `pick` applied to the scope's classified tasks; for the whole ledger computed once per ledger and day. */
  select<T>(pick: (views: readonly ClassifiedTask[]) => T): T;
}

function scope(unitName: string | null, intent: Intent['kind'], ctx: AnswerContext): Scope | Answer {
  const views = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options);
  if (unitName === null) return { unit: null, select: (pick) => views.derived(pick) };
  const resolved = resolveUnit(intent, unitName, ctx);
  if ('answer' in resolved) return resolved.answer;
  const unitViews = (indexLedger(ctx.ledger).byLead.get(resolved.unit) ?? []).map(views.view);
  return { unit: resolved.unit, select: (pick) => pick(unitViews) };
}

/** Overdue tasks as answer entries, most days overdue first. */
function overdueEntries(views: readonly ClassifiedTask[]): AnswerTask[] {
  return mostOverdueFirst(views).map((v) => toAnswerTask(v));
}

/** Overdue tasks, most days overdue first; for one unit when asked. */
export function overdueAnswer(unitName: string | null, ctx: AnswerContext): Answer {
  const s = scope(unitName, 'overdue', ctx);
  if ('intent' in s) return s;
  const tasks = [...s.select(overdueEntries)]; // a copy: the whole ledger's list is shared by later answers
  const who = s.unit ?? '';
  return makeAnswer('overdue', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}逾期任务（${tasks.length} 项）` : `${who}目前没有逾期任务`,
    sections: [{ heading: '逾期', tasks }],
  });
}

/** Open tasks not yet overdue that have a due date, soonest first. */
function openBySoonestDue(views: readonly ClassifiedTask[]): ClassifiedTask[] {
  return views.filter((v) => v.workdaysLeft !== null && v.due !== null).sort(bySoonestDue);
}

/** How many of the tasks are overdue. */
function overdueCount(views: readonly ClassifiedTask[]): number {
  return views.filter((v) => v.overdue).length;
}

/**
 * Open tasks due between today and the period's end: 'week' = this Sunday, 'month' = the month's last day,
 * 'days' = today + N calendar days (the intent carries no working-day flag). Overdue tasks are only counted.
 */
export function dueAnswer(intent: Extract<Intent, { kind: 'due' }>, ctx: AnswerContext): Answer {
  const s = scope(intent.unit, 'due', ctx);
  if ('intent' in s) return s;
  const end = periodEnd(intent, ctx.today);
  const label = intent.period === 'week' ? '本周' : intent.period === 'month' ? '本月' : `${intent.days ?? 0} 天内`;
  const open = s.select(openBySoonestDue);
  const after = open.findIndex((v) => v.due === null || v.due > end); // sorted by due date: those due by `end` come first
  const tasks = (after < 0 ? open : open.slice(0, after)).map((v) => toAnswerTask(v));
  const overdue = s.select(overdueCount);
  const who = s.unit ?? '';
  return makeAnswer('due', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}${label}到期的任务（截至 ${end}，${tasks.length} 项）` : `${who}${label}（截至 ${end}）没有到期的任务`,
    sections: [{ heading: '即将到期', tasks }],
    notice: overdue > 0 ? `另有 ${overdue} 项已逾期，可以问“${who}哪些任务逾期了”。` : undefined,
  });
}

function periodEnd(intent: Extract<Intent, { kind: 'due' }>, today: IsoDate): IsoDate {
  if (intent.period === 'week') return addDays(today, (7 - weekday(today)) % 7);
  if (intent.period === 'month') return monthEnd(today);
  return addDays(today, Math.max(0, intent.days ?? 0));
}

/** Tasks whose title, category or note contains the keyword (case-insensitive). */
export function keywordAnswer(keyword: string, ctx: AnswerContext): Answer {
  const needle = keyword.trim().toLowerCase();
  const index = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).derived(indexTexts);
  const tasks = needle ? searchTexts(index, needle).map((v) => toAnswerTask(v)) : [];
  return makeAnswer('keyword', {
    title: tasks.length > 0 ? `与“${keyword}”有关的任务（${tasks.length} 项）` : `没有找到与“${keyword}”有关的任务`,
    sections: [{ heading: '相关任务', tasks }],
  });
}
