/** Answers about the ledger as a whole (总体进展), the help text with examples close to what was asked, and updates. */
import type { Reading } from '../ask/reading.js';
import type { UpdateCommand } from '../ask/update-command.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { makeAnswer } from './answer-task.js';
import { summarize } from './digest.js';
import { LIGHT_LABELS } from './labels.js';
import { indexLedger, ledgerViews } from './ledger-index.js';

/** Overall numbers and warning levels. */
export function overviewAnswer(ctx: AnswerContext): Answer {
  const d = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options).derived(summarize);
  const answer = makeAnswer('progress', {
    title: `总体进展（${ctx.today}）`,
    lines: [
      `共 ${d.total} 项：已完成 ${d.done}，进行中 ${d.inProgress}，未开始 ${d.notStarted}，暂缓 ${d.paused}；完成率 ${d.completionRate}%`,
      `逾期 ${d.overdue.length} 项，即将到期 ${d.dueSoon.length} 项，进度滞后 ${d.behind.length} 项，建议督办 ${d.escalate.length} 项`,
      (['red', 'yellow', 'blue', 'green'] as const).map((level) => `${LIGHT_LABELS[level]} ${d.lights[level]}`).join(' · '),
    ],
    empty: d.total === 0,
  });
  answer.count = d.total;
  answer.rate = d.completionRate;
  return answer;
}

/** Examples of what one can ask, each with the kinds of pieces it shows, so help can pick those close to a question. */
const EXAMPLES: readonly { text: string; shows: readonly string[] }[] = [
  { text: '交通局负责哪些任务 / 交通局协助哪些任务', shows: ['unit', 'role'] },
  { text: '我们单位下周有什么要交的', shows: ['self', 'window', 'due'] },
  { text: '哪些任务逾期了 / 逾期任务按单位统计', shows: ['state', 'group'] },
  { text: '本周到期 / 3个工作日内到期 / 10月底前 / 国庆前要完成的', shows: ['window', 'due'] },
  { text: '交委本周到期的红灯任务', shows: ['unit', 'window', 'warning'] },
  { text: '逾期未启动的任务 / 进度低于50%的', shows: ['state', 'progress'] },
  { text: '城管局和退役军人局一起做的任务', shows: ['unit', 'role'] },
  { text: '任务9谁负责 / 双拥公园那个怎么样了', shows: ['task', 'who', 'keyword', 'detail'] },
  { text: '还有几项没完成 / 完成率多少', shows: ['count', 'rate', 'state'] },
  { text: '哪个单位最拖后腿', shows: ['group'] },
  { text: '总体进展', shows: ['overview'] },
  { text: 'English works too: "which tasks does the transport bureau own", "what is overdue", "who owns task 9"', shows: ['english'] },
];

/** A short help: three examples close to what was asked (or the full list when asked for help). */
export function helpAnswer(reading: Reading): Answer {
  const asked = reading.ask === 'help';
  const english = /[a-z]{3}/.test(reading.text) && !/\p{Script=Han}/u.test(reading.text);
  const shown = new Set<string>([
    ...(reading.units.length > 0 ? ['unit'] : []),
    ...(reading.window ? ['window'] : []),
    ...(reading.states.length > 0 ? ['state'] : []),
    ...(english ? ['english'] : []),
  ]);
  const examples = asked
    ? EXAMPLES
    : [...EXAMPLES].sort((a, b) => b.shows.filter((s) => shown.has(s)).length - a.shows.filter((s) => shown.has(s)).length).slice(0, 3);
  const answer = makeAnswer(asked ? 'help' : 'unknown', {
    title: asked ? '可以这样问我' : '没听懂这个问题，可以这样问：',
    lines: examples.map((e) => `· ${e.text}`),
    empty: !asked,
    understood: reading.understood,
  });
  if (reading.ignored.length > 0) answer.ignored = [...reading.ignored];
  return answer;
}

/**
 * A progress update: the answerer does not write; it says what will be written and how to do it from the
 * command line (`duban update`). The chat handler performs the write-back.
 */
export function updateAnswer(command: UpdateCommand, ctx: AnswerContext): Answer {
  const task = indexLedger(ctx.ledger).byId.get(command.id.trim().replace(/^#/, ''));
  const changes = [
    command.status ? `状态“${command.status}”` : '',
    command.progress ? `进度“${command.progress}”` : '',
    command.note ? `进展情况“${command.note}”` : '',
  ].filter(Boolean);
  const flags = [
    command.status ? `--status ${command.status}` : '',
    command.progress ? `--progress ${command.progress}` : '',
    command.note ? `--note "${command.note}"` : '',
  ].filter(Boolean);
  return makeAnswer('update', {
    units: task?.lead ?? [],
    title: task ? `更新任务 ${task.id}：${task.title}` : `没有找到编号为 ${command.id} 的任务`,
    lines: [
      changes.length > 0 ? `将写入：${changes.join('，')}` : '没有要更新的内容：请写明状态、进度或进展情况。',
      `写回台账由督办机器人完成；也可以在命令行运行：duban update ${command.id} ${flags.join(' ')}`.trimEnd(),
    ],
    empty: !task,
  });
}
