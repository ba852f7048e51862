/** Answers that pick tasks by state ("已完成的任务", "没完成的") or by need of attention ("滞后", "红灯", "进度低于50%"). */
import type { Intent } from '../ask/intent.js';
import type { TaskState } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { makeAnswer, toAnswerTask } from './answer-task.js';
import { scope } from './answer-lists.js';
import { LIGHT_LABELS, STATE_LABELS } from './labels.js';
import { byMostBehind, byMostOverdue, bySoonestDue } from './sort.js';

type StateIntent = Extract<Intent, { kind: 'state' }>;
type AttentionIntent = Extract<Intent, { kind: 'attention' }>;

const STATE_NAMES: Record<StateIntent['state'], string> = { ...STATE_LABELS, open: '未完成' };

/** The unit's (or the ledger's) tasks in the asked state; open tasks overdue first, then soonest due. */
export function stateAnswer(intent: StateIntent, ctx: AnswerContext): Answer {
  const s = scope(intent.unit, 'state', ctx);
  if ('intent' in s) return s;
  const matches = (state: TaskState): boolean => (intent.state === 'open' ? state !== 'done' : state === intent.state);
  const views = s.select((all) => all.filter((v) => matches(v.task.status)));
  const sorted = [...views].sort((a, b) => Number(b.overdue) - Number(a.overdue) || byMostOverdue(a, b) || bySoonestDue(a, b));
  const tasks = sorted.map((v) => toAnswerTask(v));
  const who = s.unit ?? '';
  const name = STATE_NAMES[intent.state];
  const overdue = views.filter((v) => v.overdue).length;
  return makeAnswer('state', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}${name}的任务（${tasks.length} 项）` : `${who}没有${name}的任务`,
    sections: [{ heading: name, tasks }],
    notice: overdue > 0 && intent.state !== 'done' ? `其中 ${overdue} 项已逾期。` : undefined,
  });
}

/** Open tasks behind schedule (overdue or behind the 序时进度, or marked 滞后), with a red or yellow light, or below a progress. */
export function attentionAnswer(intent: AttentionIntent, ctx: AnswerContext): Answer {
  const s = scope(intent.unit, 'attention', ctx);
  if ('intent' in s) return s;
  const percent = intent.percent ?? 50;
  const pick = (v: ClassifiedTask): boolean => {
    if (intent.by === 'red' || intent.by === 'yellow') return v.light === intent.by;
    if (intent.by === 'behind') return v.overdue || v.behind;
    return v.task.status !== 'done' && v.task.status !== 'paused' && v.task.progress !== null && v.task.progress < percent;
  };
  const views = [...s.select((all) => all.filter(pick))].sort((a, b) => byMostOverdue(a, b) || byMostBehind(a, b));
  const tasks = views.map((v) => toAnswerTask(v));
  const who = s.unit ?? '';
  const name = {
    behind: '进度滞后的任务（含逾期）',
    red: `${LIGHT_LABELS.red}任务`,
    yellow: `${LIGHT_LABELS.yellow}任务`,
    below: `进度低于 ${percent}% 的未完成任务`,
  }[intent.by];
  const unknownProgress = intent.by === 'below' ? s.select((all) => all.filter((v) => v.task.status !== 'done' && v.task.progress === null).length) : 0;
  return makeAnswer('attention', {
    units: s.unit ? [s.unit] : [],
    title: tasks.length > 0 ? `${who}${name}（${tasks.length} 项）` : `${who}没有${name}`,
    sections: [{ heading: name, tasks }],
    notice: unknownProgress > 0 ? `另有 ${unknownProgress} 项未填写进度，未计入。` : undefined,
  });
}
