import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/domain/directory.js';
import { parseQuestion } from '../../src/ask/parse-question.js';
import type { Intent } from '../../src/ask/intent.js';
import { PLAN_UNITS } from '../domain/example-units.js';

// Phrasings as people type them in group chats: typos of spacing, full width, @mentions, emoji, slang.
const directory = createDirectory([], [...PLAN_UNITS, '区公安分局']);

type Due = Extract<Intent, { kind: 'due' }>;
const due = (period: Due['period'], unit: string | null = null, extra: Partial<Due> = {}): Intent => ({ kind: 'due', period, days: null, unit, ...extra });
const state = (s: Extract<Intent, { kind: 'state' }>['state'], unit: string | null = null): Intent => ({ kind: 'state', state: s, unit });
const attention = (by: Extract<Intent, { kind: 'attention' }>['by'], unit: string | null = null, percent: number | null = null): Intent => ({
  kind: 'attention', by, percent, unit,
});
const overdue = (unit: string | null = null): Intent => ({ kind: 'overdue', unit });
const unitTasks = (unit: string, role: 'lead' | 'assist' | 'any'): Intent => ({ kind: 'unit_tasks', unit, role });
const task = (id: string): Intent => ({ kind: 'task', id });

const CASES: Array<[string, Intent]> = [
  // a unit's unfinished / finished work
  ['麻烦看下交通局还有啥没完成的', state('open', '区交通局')],
  ['交通局还有哪些没完成', state('open', '区交通局')],
  ['交通局未完成的任务', state('open', '区交通局')],
  ['交通局没完成的', state('open', '区交通局')],
  ['还有哪些没完成', state('open')],
  ['未完成的任务', state('open')],
  ['没完成的有哪些', state('open')],
  ['交通局完成了哪些', state('done', '区交通局')],
  ['交通局负责的已完成任务', state('done', '区交通局')],
  ['交通局已完成的任务', state('done', '区交通局')],
  ['已完成的任务', state('done')],
  ['暂缓的任务', state('paused')],
  ['哪些任务还没开始', state('not_started')],
  ['未开始的任务', state('not_started')],
  ['还没启动的', state('not_started')],
  ['进行中的任务', state('in_progress')],
  ['completed tasks', state('done')],
  ['which tasks are done', state('done')],
  ['tasks not started', state('not_started')],
  ['paused tasks', state('paused')],
  // behind schedule, lights, low progress
  ['哪些任务滞后', attention('behind')],
  ['哪些任务进度滞后', attention('behind')],
  ['滞后的任务有哪些', attention('behind')],
  ['交通局有滞后的吗', attention('behind', '区交通局')],
  ['人社局亮红灯的任务', attention('red', '区人力社保局')],
  ['which tasks is the transport bureau behind on', attention('behind', '区交通局')],
  ['红灯任务', attention('red')],
  ['亮红灯的有哪些', attention('red')],
  ['哪些是红灯', attention('red')],
  ['黄灯任务', attention('yellow')],
  ['进度低于50%的', attention('below', null, 50)],
  ['进度低于30%', attention('below', null, 30)],
  ['进度不到一半的', attention('below', null, 50)],
  ['tasks behind schedule', attention('behind')],
  ['red tasks', attention('red')],
  ['tasks below 50% progress', attention('below', null, 50)],
  // due windows
  ['这周要交的', due('week')],
  ['本周要完成的任务', due('week')],
  ['这礼拜到期的', due('week')],
  ['下周到期', due('next_week')],
  ['下周要交的', due('next_week')],
  ['交通局下周到期的', due('next_week', '区交通局')],
  ['今天到期的', due('today')],
  ['今天截止的', due('today')],
  ['明天到期', due('tomorrow')],
  ['明天截止的有哪些', due('tomorrow')],
  ['后天到期', { kind: 'due', period: 'days', days: 2, unit: null }],
  ['下个月到期的', due('next_month')],
  ['下月到期', due('next_month')],
  ['6月底前要完成哪些', due('date', null, { date: { month: 6, day: null } })],
  ['6月30日前到期的', due('date', null, { date: { month: 6, day: 30 } })],
  ['七月底前要完成的', due('date', null, { date: { month: 7, day: null } })],
  ["what's due tomorrow", due('tomorrow')],
  ['anything due today?', due('today')],
  ['due next week', due('next_week')],
  ['what is due next week for HRSS', due('next_week', '区人力社保局')],
  ['tasks due by end of June', due('date', null, { date: { month: 6, day: null } })],
  ['due by June 30', due('date', null, { date: { month: 6, day: 30 } })],
  ['6月份到期的', due('date', null, { date: { month: 6, day: null, inMonth: true } })],
  ['what tasks are due in june', due('date', null, { date: { month: 6, day: null, inMonth: true } })],
  ['今年底前要完成的', due('date', null, { date: { month: 12, day: null } })],
  ['下周一到期的', due('next_week')],
  // overdue, counts
  ['公安分局逾期了几个', overdue('区公安分局')],
  ['逾期了多少个', overdue()],
  ['逾期超过10天的', { kind: 'overdue', unit: null, minDays: 11 }],
  ['逾期10天以上的任务', { kind: 'overdue', unit: null, minDays: 10 }],
  ['how many tasks are overdue', overdue()],
  ['which tasks are overdue', overdue()],
  ["what's overdue", overdue()],
  ['show overdue for HRSS', overdue('区人力社保局')],
  ['overdue tasks for transport bureau', overdue('区交通局')],
  ['transport bureau overdue', overdue('区交通局')],
  ['一共有多少任务', { kind: 'progress' }],
  ['总共多少项任务', { kind: 'progress' }],
  ['完成率多少', { kind: 'progress' }],
  ['how many tasks in total', { kind: 'progress' }],
  // noise: mentions, spaces, full width, emoji
  ['@督办助手 交通局负责哪些任务', unitTasks('区交通局', 'lead')],
  ['@督办助手交通局逾期了吗', overdue('区交通局')],
  ['交通局 负责 哪些 任务？？', unitTasks('区交通局', 'lead')],
  ['交通局负责哪些任务😊', unitTasks('区交通局', 'lead')],
  ['👀逾期任务', overdue()],
  ['逾期任务有哪些？🙏', overdue()],
  ['交通局，有哪些任务', unitTasks('区交通局', 'any')],
  ['交通局的活儿', unitTasks('区交通局', 'any')],
  ['交通局有啥任务', unitTasks('区交通局', 'any')],
  ['how many tasks does the transport bureau have', unitTasks('区交通局', 'any')],
  // a task by id
  ['status of task 12', task('12')],
  ["what's the progress of task 12", task('12')],
  ['查一下12号', task('12')],
  ['12号任务怎么样了', task('12')],
  ['第十二项', task('12')],
  ['任务１２的进度', task('12')],
  ['task12', task('12')],
];

describe('parseQuestion on phrasings from group chats', () => {
  it('covers at least 80 phrasings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES)('%s', (text, expected) => {
    expect(parseQuestion(text, directory)).toEqual(expected);
  });

  it('keeps updates from liaisons as updates', () => {
    expect(parseQuestion('6 已完成', directory)).toMatchObject({ kind: 'update', id: '6', status: '已完成' });
    expect(parseQuestion('更新 6 状态 滞后', directory)).toMatchObject({ kind: 'update', id: '6' });
  });
});
