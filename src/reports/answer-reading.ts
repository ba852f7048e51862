/**
 * The answer to a reading: the selected tasks listed, counted, rated, grouped by lead unit, or shown in detail with who
 * is responsible; with what was assumed ("按“区退役军人事务局”回答"), what was not understood, and candidates for an
 * ambiguous unit. Every list cites task ids; counts and rates are computed from the ledger.
 */
import type { Reading } from '../ask/reading.js';
import type { Answer, AnswerContext, AnswerGroup, AnswerSection, AnswerTask } from './answer-types.js';
import type { ClassifiedTask } from './classify.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { nearIds, taskDetailLines } from './answer-task-detail.js';
import { indexLedger } from './ledger-index.js';
import { describeReading } from './describe-reading.js';
import { helpAnswer, overviewAnswer } from './answer-summary.js';
import { selectTasks, type ResolvedMention } from './select-tasks.js';
import { byMostOverdue, bySoonestDue, compareText } from './sort.js';

/** Answers a reading from the ledger (read-only). */
export function answerReading(reading: Reading, ctx: AnswerContext): Answer {
  if (!reading.understood || reading.ask === 'help') return helpAnswer(reading);
  const resolved = resolveMentions(reading, ctx);
  if ('answer' in resolved) return resolved.answer;
  const units = resolved.units;
  if (reading.ask === 'overview') return withNotes(overviewAnswer(ctx), reading);
  const selection = selectTasks(reading, units, ctx);
  const views = [...selection.views].sort(byUrgency);
  const what = describeReading(reading, units, selection.window);
  const names = [...new Set(units.map((u) => u.unit))];
  const entries = views.map((v) => toAnswerTask(v, selection.roleIn(v)));
  let answer: Answer;
  switch (reading.ask) {
    case 'who':
      answer = whoAnswer(entries, names, what);
      break;
    case 'detail':
      answer = entries.length === 1 ? detailAnswer(views[0], names) : listAnswer('detail', entries, names, what, units);
      break;
    case 'count':
      answer = listAnswer('count', entries, names, what, units);
      answer.title = `${what}：共 ${entries.length} 项`;
      break;
    case 'rate':
      answer = rateAnswer(entries, names, what);
      break;
    case 'group':
    case 'slowest':
      answer = groupAnswer(views, what, reading.ask === 'slowest');
      break;
    default:
      answer = listAnswer(reading.ask, entries, names, what, units);
  }
  if (selection.missingIds.length > 0 && selection.missingIds.length === reading.taskIds.length) answer.title = `没有找到编号为 ${selection.missingIds.join('、')} 的任务`;
  if (selection.missingIds.length > 0) {
    const near = selection.missingIds.flatMap((id) => nearIds(id, indexLedger(ctx.ledger).byId.keys()));
    answer.lines.unshift(`没有找到编号为 ${selection.missingIds.join('、')} 的任务${near.length > 0 ? `；相近的编号：${near.join('、')}` : '，请核对台账中的“编号”列'}。`);
  }
  if (selection.openByDefault && entries.length > 0) answer.lines.push('（只列出尚未完成的任务）');
  answer.intent = intentName(reading, answer.intent);
  return withNotes(answer, reading);
}

/**
 * The `intent` of ask JSON: for a question of one kind of piece the names earlier versions gave (unit_tasks, my_tasks,
 * overdue, due, state, attention, task, keyword, ranking), so scripts keep working; otherwise what was asked.
 */
function intentName(reading: Reading, asked: string): string {
  if (asked === 'overview') return 'progress';
  if (asked !== 'list' && asked !== 'detail' && asked !== 'group') return asked;
  const kinds = [
    reading.units.length > 0 ? (reading.units.every((u) => 'self' in u) ? 'my_tasks' : 'unit_tasks') : null,
    reading.taskIds.length > 0 ? 'task' : null,
    reading.keywords.length + reading.termGroups.length > 0 ? 'keyword' : null,
    reading.window || reading.dueSoon ? 'due' : null,
    reading.warnings.length > 0 || reading.progressBelow !== null ? 'attention' : null,
    reading.states.includes('overdue') || reading.overdueBy ? 'overdue' : null,
    reading.states.some((s) => s !== 'overdue') || reading.stale ? 'state' : null,
  ].filter((k): k is string => k !== null);
  if (asked === 'group') return kinds.length === 0 || (kinds.length === 1 && kinds[0] === 'overdue') ? 'ranking' : 'group';
  if (kinds.length === 2 && kinds.includes('overdue') && (kinds.includes('unit_tasks') || kinds.includes('my_tasks'))) return 'overdue';
  if (kinds.length === 2 && kinds.includes('due') && (kinds.includes('unit_tasks') || kinds.includes('my_tasks'))) return 'due';
  if (kinds.length === 2 && (kinds.includes('state') || kinds.includes('attention')) && kinds.includes('unit_tasks')) return kinds.find((k) => k !== 'unit_tasks')!;
  return kinds.length === 1 ? kinds[0] : asked === 'detail' ? 'task' : 'query';
}

/** Overdue first (most days first), then open tasks soonest due, then paused, then done. */
function byUrgency(a: ClassifiedTask, b: ClassifiedTask): number {
  const rank = (v: ClassifiedTask) => (v.overdue ? 0 : v.task.status === 'done' ? 3 : v.task.status === 'paused' ? 2 : 1);
  return rank(a) - rank(b) || (a.overdue ? byMostOverdue(a, b) : bySoonestDue(a, b));
}

/** Canonical units for the mentions; the asker's unit for 我们/my (or the answer saying it is unknown); candidates or not-found answers. */
function resolveMentions(reading: Reading, ctx: AnswerContext): { units: ResolvedMention[] } | { answer: Answer } {
  const units: ResolvedMention[] = [];
  for (const mention of reading.units) {
    if ('self' in mention) {
      const unit = ctx.asker?.unit ?? null;
      if (!unit) {
        return {
          answer: makeAnswer('list', {
            title: '还不知道您属于哪个单位',
            notice: '请办公室在单位名录（单位 | 别名 | 联络员 | 联络员账号 | 工作群）中填写您的姓名和飞书账号；在命令行可以用 --as 单位名 指定。也可以直接问“交通局负责哪些任务”。',
          }),
        };
      }
      units.push({ unit, role: mention.role });
    } else {
      units.push({ unit: mention.unit, role: mention.role });
    }
  }
  if (units.length === 0 && reading.candidates.length > 0) {
    const { said, units: names } = reading.candidates[0];
    const answer = makeAnswer('candidates', { title: `“${said}”可能指多个单位：${names.join('、')}`, notice: '请写出完整的单位名称再问一次。' });
    answer.candidates = names;
    return { answer: withNotes(answer, reading) };
  }
  if (units.length === 0 && reading.unknownUnits.length > 0) {
    const name = reading.unknownUnits[0];
    const match = ctx.directory.resolve(name);
    const near = match.kind === 'unknown' ? match.near : [];
    const answer = makeAnswer('list', {
      title: `没有找到单位 ${name}`,
      notice: near.length > 0 ? `您是不是要找：${near.join('、')}` : '台账和单位名录中都没有这个单位；可以问“帮助”查看能问的问题。',
    });
    answer.notFound = [...reading.unknownUnits];
    answer.intent = intentName(reading, reading.ask);
    return { answer };
  }
  return { units };
}

function listAnswer(intent: string, entries: AnswerTask[], names: string[], what: string, units: readonly ResolvedMention[]): Answer {
  const single = units.length === 1 && units[0].role === 'any';
  const sections: AnswerSection[] = single
    ? [
        { heading: '牵头负责', tasks: entries.filter((t) => t.role === 'lead') },
        { heading: '协助配合', tasks: entries.filter((t) => t.role === 'assist') },
      ]
    : [{ heading: '任务', tasks: entries }];
  return makeAnswer(intent, {
    units: names,
    title: entries.length > 0 ? `${what}（${entries.length} 项）` : `没有${what}`,
    sections,
  });
}

function whoAnswer(entries: AnswerTask[], names: string[], what: string): Answer {
  const lines = entries.map((t) => `任务 ${t.id} ${t.title}：牵头 ${t.lead.join('、') || '未填'}；协助 ${t.assist.join('、') || '无'}`);
  return makeAnswer('who', {
    units: names.length > 0 ? names : [...new Set(entries.flatMap((t) => t.lead))],
    title: entries.length === 1 ? `任务 ${entries[0].id} 由谁负责` : entries.length > 0 ? `${what}的责任单位（${entries.length} 项）` : `没有${what}`,
    lines,
    sections: [{ heading: '任务', tasks: entries }],
    empty: entries.length === 0,
  });
}

function detailAnswer(view: ClassifiedTask, names: string[]): Answer {
  const entry = toAnswerTask(view);
  return makeAnswer('detail', {
    units: names.length > 0 ? names : view.task.lead,
    title: `任务 ${view.task.id}：${view.task.title}`,
    lines: taskDetailLines(view),
    sections: [{ heading: '任务', tasks: [entry] }],
  });
}

function rateAnswer(entries: AnswerTask[], names: string[], what: string): Answer {
  const done = entries.filter((t) => t.state === 'done').length;
  const rate = entries.length === 0 ? 0 : Math.round((done / entries.length) * 1000) / 10;
  const answer = makeAnswer('rate', {
    units: names,
    title: entries.length > 0 ? `${what}完成率 ${rate}%（已完成 ${done} 项 / 共 ${entries.length} 项）` : `没有${what}`,
    sections: [
      { heading: '未完成', tasks: entries.filter((t) => t.state !== 'done') },
      { heading: '已完成', tasks: entries.filter((t) => t.state === 'done') },
    ],
  });
  answer.rate = rate;
  return answer;
}

/** Selected tasks counted per lead unit, most first (a task with two lead units counts for each). */
function groupAnswer(views: readonly ClassifiedTask[], what: string, slowest: boolean): Answer {
  const byUnit = new Map<string, string[]>();
  for (const v of views) {
    for (const unit of new Set(v.task.lead)) {
      const ids = byUnit.get(unit) ?? [];
      ids.push(v.task.id);
      byUnit.set(unit, ids);
    }
  }
  const groups: AnswerGroup[] = [...byUnit]
    .map(([unit, taskIds]) => ({ unit, count: taskIds.length, taskIds }))
    .sort((a, b) => b.count - a.count || compareText(a.unit, b.unit));
  const answer = makeAnswer(slowest ? 'slowest' : 'group', {
    units: groups.map((g) => g.unit),
    title: groups.length > 0 ? `${what}，按牵头单位统计（${views.length} 项，${groups.length} 个单位）` : `没有${what}`,
    lines: groups.map((g, i) => `${rankOf(groups, i)}. ${g.unit}：${g.count} 项（${g.taskIds.map((id) => `#${id}`).join('、')}）`),
    sections: [{ heading: '任务', tasks: views.map((v) => toAnswerTask(v)) }],
    empty: groups.length === 0,
  });
  answer.groups = groups;
  return answer;
}

/** Ties share a rank: 1, 1, 3. */
function rankOf(groups: readonly AnswerGroup[], i: number): number {
  return groups.findIndex((g) => g.count === groups[i].count) + 1;
}

/** Adds what was assumed, what was ambiguous and what was not understood to an answer. */
function withNotes(answer: Answer, reading: Reading): Answer {
  const notes: string[] = [];
  for (const { said, unit } of reading.assumed) if (said !== unit) notes.push(`按“${unit}”回答（您写的是“${said}”）。`);
  if (reading.candidates.length > 0 && answer.intent !== 'candidates') {
    const { said, units } = reading.candidates[0];
    notes.push(`“${said}”可能指：${units.join('、')}，请写完整名称。`);
    answer.candidates = units;
  }
  if (reading.unknownUnits.length > 0 && !answer.notFound) {
    notes.push(`没有找到单位：${reading.unknownUnits.join('、')}。`);
    answer.notFound = [...reading.unknownUnits];
  }
  if (reading.ignored.length > 0) {
    notes.push(`没有理解：${reading.ignored.join('、')}。`);
    answer.ignored = [...reading.ignored];
  }
  if (notes.length > 0) answer.notice = [notes.join(''), answer.notice].filter(Boolean).join('\n');
  return answer;
}
