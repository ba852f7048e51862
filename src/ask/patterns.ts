/**
 * Command-like questions: help, updates, task ids, ranking, overall progress, overdue, due. Tried in order before
 * unit-patterns.ts; they run on the cleaned question (half width, no courtesies, no spaces beside Chinese).
 */
import type { QuestionContext, QuestionPattern } from './question-pattern.js';
import { whole } from './question-pattern.js';
import { COUNT, parseCount } from './numbers.js';
import { unitFromPhrase } from './unit-phrase.js';
import { STATUS_WORD, updateIntent } from './update-command.js';
import { DUE_WORD, readDuePeriod } from './due-period.js';
import type { Intent } from './intent.js';

/** A task id: "6", "A-3", "2.1". */
const ID = '([a-z]{0,4}-?\\d+(?:[.-]\\d+)*)';
const TASK_TAIL = '(?:的)?(?:进展情况|完成情况|进展|进度|情况|详情|状态)?(?:怎么样了?|如何)?(?:\\s*(?:status|progress|details?))?';
const OVERDUE = /逾期|超期|过期|延误|拖期|overdue|past due|\blate\b/i;
const OVERDUE_ALL = new RegExp(OVERDUE.source, 'gi');
// "逾期超过10天", "逾期10天以上", "overdue by more than 10 days": only tasks that many days late.
const OVERDUE_DAYS = new RegExp(
  `(?:超过|多于|大于|>)\\s*(${COUNT})\\s*(?:个)?(?:工作)?[天日]|(${COUNT})\\s*(?:个)?(?:工作)?[天日]以上|(?:by )?more than (\\d+) days?`,
  'i',
);

/** The overdue intent: the unit the rest of the question names, and a minimum of days late when one is given. */
function overdueIntent(cleaned: string, directory: QuestionContext['directory']): Intent {
  const days = OVERDUE_DAYS.exec(cleaned);
  const rest = (days ? cleaned.replace(OVERDUE_DAYS, ' ') : cleaned).replace(OVERDUE_ALL, ' ').trim();
  const intent: Intent = { kind: 'overdue', unit: unitFromPhrase(rest, directory) };
  const count = days ? parseCount(days[1] ?? days[2] ?? days[3]) : null;
  // "超过10天" is 11 days or more; "10天以上" is 10 or more.
  if (days && count !== null) intent.minDays = days[2] !== undefined ? count : count + 1;
  return intent;
}

/** Questions about the ledger as a whole, task ids and updates; state/attention (filter-patterns.ts), then unit and keyword questions (unit-patterns.ts) follow. */
export const COMMAND_PATTERNS: readonly QuestionPattern[] = [
  {
    name: 'help',
    pattern: whole('(?:帮助|help|怎么用|如何使用|使用说明|说明|菜单|功能|你能做什么|你会什么|能做什么|你是谁|commands?|what can you do|how do i use this|\\?*)'),
    build: () => ({ kind: 'help' }),
  },
  {
    name: 'update',
    pattern: whole(`(?:更新|汇报|上报|报送|填报|update|report)\\s*(?:任务|task)?\\s*(?:#|编号|no\\.?)?\\s*${ID}号?(?:任务)?\\s*[:,，]?\\s*(.*)`),
    build: (m, c) => updateIntent(m[1], m[2], c.original, true) ?? { kind: 'task', id: m[1] },
  },
  {
    name: 'update-task',
    pattern: whole(`(?:任务|task)\\s*#?\\s*${ID}号?\\s*[:,，]?\\s*(.+)`),
    build: (m, c) => updateIntent(m[1], m[2], c.original),
  },
  {
    name: 'update-status',
    pattern: whole(`#?${ID}号?\\s*[:,，]?\\s*((?:${STATUS_WORD}).*)`),
    build: (m, c) => updateIntent(m[1], m[2], c.original),
  },
  { name: 'task', pattern: whole(`(?:任务|事项|task)\\s*(?:#|编号|no\\.?|number)?\\s*${ID}号?${TASK_TAIL}`), build: (m) => ({ kind: 'task', id: m[1] }) },
  { name: 'task-hash', pattern: whole(`(?:#|编号)\\s*${ID}${TASK_TAIL}`), build: (m) => ({ kind: 'task', id: m[1] }) },
  { name: 'task-bare', pattern: whole(`${ID}号?`), build: (m) => ({ kind: 'task', id: m[1] }) },
  {
    name: 'task-en',
    pattern: whole(`(?:what(?:'s| is) (?:the )?)?(?:status|progress|details?|update) (?:of|on|for) (?:task|item|no\\.?)\\s*#?\\s*${ID}`),
    build: (m) => ({ kind: 'task', id: m[1] }),
  },
  { name: 'task-number', pattern: whole(`${ID}号(?:任务|事项)${TASK_TAIL}`), build: (m) => ({ kind: 'task', id: m[1] }) },
  {
    name: 'task-ordinal',
    pattern: whole(`第(${COUNT})(?:项|个|条|号)(?:任务|事项)?${TASK_TAIL}`),
    build: (m) => {
      const n = parseCount(m[1]);
      return n === null ? null : { kind: 'task', id: String(n) };
    },
  },
  {
    name: 'ranking',
    // Each ".*" starts after the first keyword only ("^(?:(?!逾期).)*逾期"): from every "逾期" of a long run it is quadratic.
    pattern:
      /^(?:(?!单位|部门).)*(?:单位|部门)(?:(?!逾期|超期).)*(?:逾期|超期).*(?:最多|排名|排行)|^(?:(?!逾期|超期).)*(?:逾期|超期).*(?:排名|排行|榜|最多的(?:单位|部门))|^(?:(?!\bunits?\b).)*\bunits?\b.*\bmost overdue\b|\boverdue (?:ranking|leaderboard|by unit)\b|^ranking$|^排名$/i,
    build: () => ({ kind: 'ranking' }),
  },
  {
    name: 'progress',
    pattern: whole('(?:总体|整体|全部|全局|总的|目前|当前|现在)?的?(?:进展|进度|完成情况|推进情况|情况)(?:如何|怎么样|怎样|咋样)?|(?:一共|总共|共|总计|合计)(?:有)?多少(?:项|个|条)?(?:任务|事项)?|(?:总体|整体)?完成率(?:是)?(?:多少|几)?|how many tasks(?: are there| in total| total)?|(?:overall|total|general)\\s+(?:progress|status)|how (?:are we|is it|are things) (?:doing|going)|how\'s it going|progress|summary|status overview'),
    build: () => ({ kind: 'progress' }),
  },
  {
    name: 'overdue',
    pattern: OVERDUE,
    build: (_m, c) => overdueIntent(c.cleaned, c.directory),
  },
  {
    name: 'due',
    pattern: new RegExp(`${DUE_WORD.source}|未来|接下来|最近`, 'i'),
    build: (_m, c) => {
      const due = readDuePeriod(c.cleaned);
      if (!due) return null;
      const intent: Intent = { kind: 'due', period: due.period, days: due.days, unit: unitFromPhrase(due.rest, c.directory) };
      if (due.date) intent.date = due.date;
      return intent;
    },
  },
];
