/**
 * Questions that name a unit or a topic: "交通局负责哪些任务", "what is the transport bureau assisting with",
 * "我的任务", "关于双拥林的任务", a bare "双拥公园". Tried after the command patterns, in this order.
 */
import type { Intent, Role } from './intent.js';
import type { QuestionContext, QuestionPattern } from './question-pattern.js';
import { whole } from './question-pattern.js';
import { isSelf, namesUnit, trimFillers, unitFromPhrase } from './unit-phrase.js';

const LEAD_ZH = '(?:负责|牵头|主办|承办|主责)';
const ASSIST_ZH = '(?:协助|配合|协办|参与)';
const WHICH_TASKS_ZH = '(?:了|的)?(?:哪些|什么|啥|多少)?(?:任务|工作|事项|活儿|事儿|事)?(?:有哪些|是什么)?';
/** What people call tasks in chat: "任务", "工作", "事项", "交通局的活儿". */
const TASK_NOUN = '(?:任务|工作|事项|活儿|事儿)';
const TASKS_EN = '(?:tasks?|work|items?|jobs?)';
/** Small talk that is not a keyword to search for. */
const SMALL_TALK = new Set(['你好', '您好', '谢谢', '多谢', '好的', '好', '收到', '嗯', '哈哈', '在吗', '早', '早上好', 'ok', 'thanks', 'thank you']);
/** A keyword search is a short phrase, not a sentence with question words. */
const KEYWORD_SHAPE = /^[\p{Script=Han}\w\-·()（）]{2,16}$/u;
const QUESTION_WORDS = /怎么|什么|为什么|如何|吗|谁|哪/;

/** Tasks of the unit the phrase names (the asker's own for "我", "my"), whatever the phrase resolves to. */
function unitTasks(role: Role, phrase: string, context: QuestionContext): Intent | null {
  if (isSelf(phrase)) return { kind: 'my_tasks', role };
  const unit = unitFromPhrase(phrase, context.directory);
  return unit ? { kind: 'unit_tasks', unit, role } : null;
}

/** Like unitTasks for loose phrasings ("X的任务"), where X may be a topic rather than a unit. */
function unitTasksIfUnit(role: Role, phrase: string, context: QuestionContext): Intent | null {
  return isSelf(phrase) || namesUnit(phrase, context.directory) ? unitTasks(role, phrase, context) : null;
}

function keyword(phrase: string): Intent | null {
  const word = trimFillers(phrase).replace(/^the\s+/i, '');
  return word ? { kind: 'keyword', keyword: word } : null;
}

/** A bare message: a unit's name asks for its tasks; a short Chinese phrase is a keyword; anything else is not understood. */
function bare(text: string, context: QuestionContext): Intent {
  if (isSelf(text)) return { kind: 'my_tasks', role: 'any' };
  const unit = context.directory.resolve(text).kind !== 'unknown' ? unitTasks('any', text, context) : null;
  if (unit) return unit;
  const phrase = trimFillers(text);
  const looksLikeKeyword = /\p{Script=Han}/u.test(phrase) && KEYWORD_SHAPE.test(phrase) && !QUESTION_WORDS.test(phrase);
  if (looksLikeKeyword && !SMALL_TALK.has(phrase)) return { kind: 'keyword', keyword: phrase };
  return { kind: 'unknown', text: context.original };
}

/** Unit, self and keyword questions, most specific first; the last pattern takes any text. */
export const UNIT_PATTERNS: readonly QuestionPattern[] = [
  { name: 'keyword-about', pattern: whole('(?:关于|有关|涉及|包含|提到|提及)(.+?)(?:相关|有关)?的?(?:任务|工作|事项)?(?:有哪些)?'), build: (m) => keyword(m[1]) },
  { name: 'lead', pattern: whole(`(.+?)${LEAD_ZH}${WHICH_TASKS_ZH}`), build: (m, c) => unitTasks('lead', m[1], c) },
  { name: 'assist', pattern: whole(`(.+?)${ASSIST_ZH}${WHICH_TASKS_ZH}`), build: (m, c) => unitTasks('assist', m[1], c) },
  { name: 'any-which', pattern: whole(`(.+?)(?:有|的)?(?:哪些|什么|啥|多少)(?:项|个|条)?${TASK_NOUN}`), build: (m, c) => unitTasksIfUnit('any', m[1], c) },
  { name: 'any-of', pattern: whole(`(.+?)的?${TASK_NOUN}(?:有哪些|清单|列表|情况)?`), build: (m, c) => unitTasksIfUnit('any', m[1], c) },
  { name: 'any-progress', pattern: whole('(.+?)的?(?:完成情况|进展情况|进展|进度|情况)(?:如何|怎么样|怎样)?'), build: (m, c) => unitTasksIfUnit('any', m[1], c) },
  {
    name: 'lead-en',
    pattern: whole(`(?:which|what) ${TASKS_EN} (?:does|do|is|are) (.+?) (?:own|owning|lead|leading|head|heading|responsible for|in charge of)|what (?:does|do) (.+?) (?:own|lead)|${TASKS_EN} (?:led|owned|headed) by (.+)|(.+?) (?:leads|owns)`),
    build: (m, c) => unitTasks('lead', m[1] ?? m[2] ?? m[3] ?? m[4], c),
  },
  {
    name: 'assist-en',
    pattern: whole(`what (?:is|are) (.+?) (?:assisting|supporting|helping)(?: with| on)?|(?:which|what) ${TASKS_EN} (?:does|do|is|are) (.+?) (?:assist|support|help|assisting|supporting|helping)(?: with| on)?|${TASKS_EN} (?:assisted|supported) by (.+)`),
    build: (m, c) => unitTasks('assist', m[1] ?? m[2] ?? m[3], c),
  },
  { name: 'keyword-en', pattern: whole(`${TASKS_EN} (?:about|mentioning|regarding|concerning|related to|on) (.+)`), build: (m) => keyword(m[1]) },
  {
    name: 'any-en',
    pattern: whole(`${TASKS_EN} (?:of|for) (.+)|(?:what|which|how many) ${TASKS_EN} (?:does|do) (.+?) have|(.+?)(?:'s|s')? ${TASKS_EN}`),
    build: (m, c) => unitTasksIfUnit('any', m[1] ?? m[2] ?? m[3], c),
  },
  { name: 'bare', pattern: /^(.+)$/, build: (m, c) => bare(m[1], c) },
];
