/**
 * Questions that pick tasks by state or by need of attention, optionally for one unit: "已完成的任务",
 * "交通局还有啥没完成的", "暂缓的任务", "哪些任务滞后", "红灯任务", "进度低于50%的", "tasks behind schedule".
 * Tried after the command patterns (an update such as "6 已完成" is read there first).
 */
import type { AttentionKind, Intent } from './intent.js';
import type { QuestionContext, QuestionPattern } from './question-pattern.js';
import type { TaskState } from '../domain/types.js';
import { COUNT, parseCount } from './numbers.js';
import { unitFromPhrase } from './unit-phrase.js';

type StateAsked = TaskState | 'open';

// Negated forms first: "没完成" must not read as "完成".
const STATES: [StateAsked, RegExp][] = [
  ['open', /(?:还)?(?:没有|没|未)(?:做)?完(?:成)?|未办结|未销号|\bnot (?:yet )?(?:done|completed|finished)\b|\bunfinished\b|\bincomplete\b|\boutstanding\b|\bopen tasks?\b/i],
  ['not_started', /(?:还)?(?:没有|没|未|尚未)(?:开始|启动|开展|动)|\bnot (?:yet )?started\b/i],
  ['paused', /暂缓|搁置|暂停|\bpaused\b|\bon hold\b|\bsuspended\b/i],
  ['in_progress', /进行中|推进中|在办|办理中|正在推进|\bin progress\b|\bongoing\b/i],
  ['done', /已完成|完成了|做完了|已办结|办结了|已销号|\bdone\b|\bcompleted\b|\bfinished\b/i],
];

// "进度低于50%", "进度不到一半", "progress below 50%", "below 50% progress".
const BELOW = new RegExp(
  `(?:进度|完成进度|完成率)?(?:低于|不到|不足|小于|少于|未达到?|<)\\s*(一半|${COUNT})\\s*(?:%|％|成)?|` +
    '\\b(?:progress\\s+)?(?:below|under|less than|lower than|<)\\s*(\\d+)\\s*%(?:\\s*progress)?',
  'i',
);
const ATTENTION: [Exclude<AttentionKind, 'below'>, RegExp][] = [
  ['red', /亮?红灯|\bred(?: light)?\b/i],
  ['yellow', /亮?黄灯|\byellow(?: light)?\b/i],
  ['behind', /(?:进度)?滞后|落后|慢于序时|\bbehind(?: schedule)?\b|\blagging\b/i],
];
/** Task nouns, question and role words left around the unit: "的任务有哪些", "负责的", "tasks", "which are". */
const LEFTOVER = /的|任务|事项|工作|项目|有哪些|哪些|有啥|啥|是|负责|牵头|\b(?:tasks?|which|what|are|is|the|show|list)\b/gi;

function unitOf(text: string, phrase: RegExp, context: QuestionContext): string | null {
  return unitFromPhrase(text.replace(phrase, ' ').replace(LEFTOVER, ' ').replace(/\s+/g, ' ').trim(), context.directory);
}

function stateIntent(context: QuestionContext): Intent | null {
  for (const [state, phrase] of STATES) {
    if (phrase.test(context.cleaned)) return { kind: 'state', state, unit: unitOf(context.cleaned, phrase, context) };
  }
  return null;
}

function attentionIntent(context: QuestionContext): Intent | null {
  const below = BELOW.exec(context.cleaned);
  if (below) {
    const raw = below[1] ?? below[2];
    const count = raw === '一半' ? 50 : parseCount(raw);
    // "不足3成" is 30%.
    const percent = count !== null && /成$/.test(below[0]) ? count * 10 : count;
    if (percent !== null && percent > 0 && percent <= 100) {
      return { kind: 'attention', by: 'below', percent, unit: unitOf(context.cleaned, BELOW, context) };
    }
  }
  for (const [by, phrase] of ATTENTION) {
    if (phrase.test(context.cleaned)) return { kind: 'attention', by, percent: null, unit: unitOf(context.cleaned, phrase, context) };
  }
  return null;
}

/** State and attention questions; each builds null (letting unit and keyword patterns try) when its words are absent. */
export const FILTER_PATTERNS: readonly QuestionPattern[] = [
  { name: 'attention', pattern: anyOf([BELOW, ...ATTENTION.map(([, phrase]) => phrase)]), build: (_m, c) => attentionIntent(c) },
  { name: 'state', pattern: anyOf(STATES.map(([, phrase]) => phrase)), build: (_m, c) => stateIntent(c) },
];

function anyOf(patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => p.source).join('|'), 'i');
}
