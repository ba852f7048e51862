/** Answers about one unit: resolving the name asked for, its tasks, "我的任务". */
import type { IntentKind, Role } from '../ask/intent.js';
import type { Task } from '../domain/types.js';
import type { Answer, AnswerContext, AnswerSection } from './answer-types.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { indexLedger, ledgerViews } from './ledger-index.js';
import { bySoonestDue } from './sort.js';

/** A unit name resolved through the directory, or the answer that explains why it could not be. */
export type ResolvedUnit = { unit: string } | { answer: Answer };

/** Resolves a unit name; an unknown name suggests near names, an ambiguous one lists candidates without guessing. */
export function resolveUnit(intent: IntentKind, name: string, ctx: AnswerContext): ResolvedUnit {
  const match = ctx.directory.resolve(name);
  if (match.kind === 'found') return { unit: match.unit.name };
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((u) => u.name);
    return {
      answer: makeAnswer(intent, {
        units: names,
        title: `“${name}”可能指多个单位：${names.join('、')}`,
        notice: '请写出完整的单位名称再问一次。',
      }),
    };
  }
  return {
    answer: makeAnswer(intent, {
      title: `没有找到单位 ${name}`,
      notice: match.near.length > 0 ? `您是不是要找：${match.near.join('、')}` : '可以问“帮助”查看能问的问题。',
    }),
  };
}

const ROLE_WORDS: Record<Role, string> = { lead: '负责', assist: '协助', any: '参与' };

/** The tasks a unit leads and/or assists, lead tasks first, each group soonest due first. */
export function unitTasksAnswer(intent: IntentKind, unit: string, role: Role, ctx: AnswerContext): Answer {
  const index = indexLedger(ctx.ledger);
  const views = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options);
  const section = (heading: string, tasks: readonly Task[], r: 'lead' | 'assist'): AnswerSection => ({
    heading,
    tasks: [...tasks].map(views.view).sort(bySoonestDue).map((v) => toAnswerTask(v, r)),
  });
  const sections: AnswerSection[] = [];
  if (role !== 'assist') sections.push(section('牵头负责', index.byLead.get(unit) ?? [], 'lead'));
  if (role !== 'lead') sections.push(section('协助配合', index.byAssist.get(unit) ?? [], 'assist'));
  const count = sections.reduce((n, s) => n + s.tasks.length, 0);
  const word = ROLE_WORDS[role];
  return makeAnswer(intent, {
    units: [unit],
    title: count > 0 ? `${unit}${word}的任务（${count} 项）` : `${unit}目前没有${word}的任务`,
    sections,
  });
}

/** The asker's own unit's tasks; without a known unit, says how to get registered in the unit directory. */
export function myTasksAnswer(role: Role, ctx: AnswerContext): Answer {
  const unit = ctx.asker?.unit ?? null;
  if (!unit) {
    return makeAnswer('my_tasks', {
      title: '还不知道您属于哪个单位',
      notice: '请办公室在单位名录（单位 | 别名 | 联络员 | 联络员账号 | 工作群）中填写您的姓名和飞书账号；也可以直接问“交通局负责哪些任务”。',
    });
  }
  return unitTasksAnswer('my_tasks', unit, role, ctx);
}
