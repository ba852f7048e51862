/**
 * Reading questions into pieces: phrasings as people type them in group chats (spacing, full width, @mentions, emoji,
 * short forms), over the example plan's unit names without a directory of aliases, on Wednesday 2026-03-04.
 */
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/ask/read-question.js';
import { readUpdateCommand } from '../../src/ask/commands.js';
import type { Reading } from '../../src/ask/reading.js';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { createDirectory } from '../../src/domain/directory.js';
import { makeLedger, makeTask, makeUnit } from '../support/make-task.js';
import { PLAN_UNITS } from '../domain/example-units.js';

const directory = createDirectory([], [...PLAN_UNITS, '区公安分局']);
const ledger = makeLedger([
  makeTask({ id: '1', title: '双拥公园维护', lead: ['区城管局'] }),
  makeTask({ id: '2', title: '双拥林管护', lead: ['区林业局'] }),
  makeTask({ id: '3', title: '城市更新试点', lead: ['区住房城乡建委'], note: '正在推进' }),
]);
const context = { directory, ledger, today: '2026-03-04', calendar: createWorkCalendar() };
const read = (text: string) => readQuestion(text, context);

type Expect = Partial<Omit<Reading, 'window' | 'units'>> & { window?: Partial<NonNullable<Reading['window']>>; units?: object[] };
const unit = (name: string, role: 'lead' | 'assist' | 'any' = 'any'): Expect => ({ units: [{ unit: name, role }] });
const mine = (role: 'lead' | 'assist' | 'any' = 'any'): Expect => ({ units: [{ self: true, role }] });
const states = (...list: Reading['states']): Expect => ({ states: list });
const warnings = (...list: Reading['warnings']): Expect => ({ warnings: list });
const within = (label: string, from?: string, to?: string): Expect => ({ window: { label, ...(from ? { from } : {}), ...(to ? { to } : {}) } });
const task = (id: string): Expect => ({ taskIds: [id] });
const ask = (what: Reading['ask']): Expect => ({ ask: what });

const CASES: [string, Expect][] = [
  // a unit's tasks: 负责/牵头 = lead, 协助/配合 = assist, 有哪些/的任务 = any; names as people write them
  ['交通局负责哪些任务', unit('区交通局', 'lead')],
  ['区交通局牵头的任务', unit('区交通局', 'lead')],
  ['请问，潼南区交通局负责什么工作？', unit('区交通局', 'lead')],
  ['哪些任务由交通局负责', unit('区交通局', 'lead')],
  ['双江镇协助哪些任务', unit('双江镇', 'assist')],
  ['大佛街道配合哪些任务？', unit('大佛街道', 'assist')],
  ['人社局有哪些任务', unit('区人力社保局')],
  ['退役军人事务局的任务', unit('区退役军人事务局')],
  ['退役军人局的任务', unit('区退役军人事务局')],
  ['桂林街道的任务', unit('桂林街道办事处')],
  ['区委宣传部牵头哪些工作', unit('区委宣传部', 'lead')],
  ['税务局配合的任务', unit('潼南税务局', 'assist')],
  ['人力社保有哪些任务', unit('区人力社保局')],
  ['交通局', unit('区交通局')],
  ['交通局完成情况怎么样', { ...unit('区交通局'), ask: 'list' }],
  ['@_user_1 请问交通局负责哪些任务？', unit('区交通局', 'lead')],
  ['＠督办助手　帮我查一下 城管局负责哪些任务', unit('区城管局', 'lead')],
  ['住建局负责哪些任务', unit('区住房城乡建委', 'lead')],
  ['住建委的任务', unit('区住房城乡建委')],
  ['城管据的任务', { ...unit('区城管局'), assumed: [{ said: '城管据', unit: '区城管局' }] }],
  ['退役军人事物局有啥逾期的吗😂', { ...unit('区退役军人事务局'), ...states('overdue') }],
  ['交通局和城管局一起做的任务', { units: [{ unit: '区交通局' }, { unit: '区城管局' }], joint: true }],
  ['交通局负责、城管局配合的', { units: [{ unit: '区交通局', role: 'lead' }, { unit: '区城管局', role: 'assist' }] }],
  ['which tasks does the transport bureau own', unit('区交通局', 'lead')],
  ['Which tasks does the Transport Bureau lead?', unit('区交通局', 'lead')],
  ['which tasks does 区交通局 own', unit('区交通局', 'lead')],
  ['what is 桂林街道 assisting with', unit('桂林街道办事处', 'assist')],
  ['what does the veterans affairs bureau lead', unit('区退役军人事务局', 'lead')],
  ['tasks led by the forestry bureau', unit('区林业局', 'lead')],
  ['what is the transport bureau assisting with', unit('区交通局', 'assist')],
  ['which tasks does HRSS support', unit('区人力社保局', 'assist')],
  ['tasks of the transport bureau', unit('区交通局')],
  ["show me transport bureau's tasks", unit('区交通局')],
  ['HRSS tasks', unit('区人力社保局')],
  ['transport bureau', unit('区交通局')],
  ['transprot bureau overdue', { ...unit('区交通局'), ...states('overdue') }],
  ['how many tasks does the transport bureau have', { ...unit('区交通局'), ask: 'count' }],
  // the asker's own unit
  ['我的任务', mine()],
  ['我们单位有哪些任务', mine()],
  ['我们负责哪些任务', mine('lead')],
  ['我们单位下周有什么要交的', { ...mine(), ...within('下周', '2026-03-09', '2026-03-15') }],
  ['my tasks', mine()],
  ['what are my tasks?', mine()],
  ['我们交通局的任务', unit('区交通局')],
  // states
  ['麻烦看下交通局还有啥没完成的', { ...unit('区交通局'), ...states('not_done') }],
  ['还有哪些没完成', states('not_done')],
  ['没干完的', states('not_done')],
  ['交通局完成了哪些', { ...unit('区交通局'), ...states('done') }],
  // 有没有 asks yes or no: "有没有完成的" wants the done ones, not the "没有完成" inside it
  ['城管局有没有完成的', { ...unit('区城管局'), ...states('done') }],
  ['还有哪些没交的', states('not_done')],
  ['暂缓的任务', states('paused')],
  ['哪些任务还没开始', states('not_started')],
  ['还没动的', states('not_started')],
  ['进行中的任务', states('in_progress')],
  ['逾期未启动的任务', states('overdue', 'not_started')],
  ['滞后但还没逾期的', { ...warnings('behind'), ...states('not_overdue') }],
  ['有没有逾期的', states('overdue')],
  ['completed tasks', states('done')],
  ['tasks not started', states('not_started')],
  ["which tasks haven't even started yet", states('not_started')],
  ['not-started tasks', states('not_started')],
  ['paused tasks', states('paused')],
  ['延期的任务', states('extended')],
  ['好久没更新的任务', { stale: { days: 10, workdays: true } }],
  ['交委两周没更新的', { ...unit('区交通局'), stale: { days: 14, workdays: false } }],
  ['超过5个工作日没填报的', { stale: { days: 5, workdays: true } }],
  ['tasks not updated in 2 weeks', { stale: { days: 14, workdays: false } }],
  // warnings and progress
  ['哪些任务滞后', warnings('behind')],
  ['人社局亮红灯的任务', { ...unit('区人力社保局'), ...warnings('red') }],
  ['红灯任务', warnings('red')],
  ['黄灯任务', warnings('yellow')],
  ['蓝灯的', warnings('blue')],
  ['进度低于50%的', { progressBelow: 50 }],
  ['进度不到一半的', { progressBelow: 50 }],
  ['tasks below 50% progress', { progressBelow: 50 }],
  ['tasks behind schedule', warnings('behind')],
  ['red tasks', warnings('red')],
  // windows of deadlines
  ['本周到期', within('本周', '2026-03-04', '2026-03-08')],
  ['这礼拜到期的', within('本周')],
  ['下周到期', within('下周', '2026-03-09', '2026-03-15')],
  ['今天到期的', within('今天', '2026-03-04', '2026-03-04')],
  ['明天截止的有哪些', within('明天', '2026-03-05', '2026-03-05')],
  ['后天到期', within('后天', '2026-03-06', '2026-03-06')],
  ['下个月到期的', within('下个月', '2026-04-01', '2026-04-30')],
  ['3天内到期', within('3天内', '2026-03-04', '2026-03-07')],
  ['三天内到期', within('3天内')],
  ['未来5天', within('5天内', '2026-03-04', '2026-03-09')],
  ['5个工作日内到期', within('5个工作日内', '2026-03-04', '2026-03-11')],
  ['6月底前要完成哪些', within('6月底前', '2026-03-04', '2026-06-30')],
  ['6月30日前到期的', within('6月30日前', '2026-03-04', '2026-06-30')],
  ['6月份到期的', within('6月', '2026-06-01', '2026-06-30')],
  ['今年底前要完成的', within('年底前', '2026-03-04', '2026-12-31')],
  ['下周一到期的', within('下周一', '2026-03-09', '2026-03-09')],
  ['清明前要完成的', within('清明前', '2026-03-04', '2026-04-03')],
  ['五一前到期', within('五一前', '2026-03-04', '2026-04-30')],
  ['2026-03-31到期的', within('2026-03-31', '2026-03-31', '2026-03-31')],
  ['3.31之前', within('3月31日前', '2026-03-04', '2026-03-31')],
  ['今年的任务', within('今年', '2026-01-01', '2026-12-31')],
  ['去年到期的', within('去年', '2025-01-01', '2025-12-31')],
  ['第二季度到期的', within('第2季度', '2026-04-01', '2026-06-30')],
  ['即将到期', { dueSoon: true }],
  ["what's due tomorrow", within('明天')],
  ['due next week', within('下周')],
  ['due within 3 working days', within('3个工作日内', '2026-03-04', '2026-03-09')],
  ['tasks due by end of June', within('6月底前', '2026-03-04', '2026-06-30')],
  ['due by June 30', within('6月30日前', '2026-03-04', '2026-06-30')],
  ['anything due before Oct 1?', within('10月1日前', '2026-03-04', '2026-09-30')],
  ['what tasks are due in june', within('6月', '2026-06-01', '2026-06-30')],
  ['交通局本周到期的红灯任务', { ...unit('区交通局'), ...within('本周'), ...warnings('red') }],
  // overdue and thresholds
  ['公安分局逾期了几个', { ...unit('区公安分局'), ...states('overdue'), ask: 'count' }],
  ['逾期超过10天的', { overdueBy: { min: 11, max: null, workdays: false } }],
  ['逾期10天以上的任务', { overdueBy: { min: 10, max: null, workdays: false } }],
  ['逾期超过5个工作日', { overdueBy: { min: 6, max: null, workdays: true } }],
  ['how many tasks are overdue', { ...states('overdue'), ask: 'count' }],
  ["what's overdue", states('overdue')],
  ['overdue tasks for transport bureau', { ...unit('区交通局'), ...states('overdue') }],
  // what is asked
  ['一共有多少任务', ask('count')],
  ['完成率多少', ask('rate')],
  ['交通局的完成率', { ...unit('区交通局'), ask: 'rate' }],
  ['逾期任务按单位统计', { ...states('overdue'), ask: 'group' }],
  ['哪个单位最拖后腿', ask('slowest')],
  ['哪些单位逾期最多', { ...states('overdue'), ask: 'group' }],
  ['which units have the most overdue tasks', { ...states('overdue'), ask: 'group' }],
  ['总体进展', ask('overview')],
  ['完成情况怎么样', ask('overview')],
  ['how are we doing?', ask('overview')],
  ['列出所有任务', ask('all')],
  ['哪些任务没有协助单位', { noAssist: true }],
  ['帮助', ask('help')],
  ['help', ask('help')],
  ['？', { ask: 'help', understood: false }],
  ['@_user_1', { ask: 'help', understood: false }],
  // one task
  ['任务6', task('6')],
  ['任务 6 进展', { ...task('6'), ask: 'detail' }],
  ['#6', task('6')],
  ['6号任务', task('6')],
  ['第6项', task('6')],
  ['第六项任务', task('6')],
  ['task 6', task('6')],
  ['task #6', task('6')],
  ['任务A-3', task('a-3')],
  ['任务１２进度', task('12')],
  ['12号任务怎么样了', { ...task('12'), ask: 'detail' }],
  ['任务9谁负责', { ...task('9'), ask: 'who' }],
  ['who is responsible for task 9', { ...task('9'), ask: 'who' }],
  ['第九项什么时候到期', { ...task('9'), ask: 'detail', dueSoon: false }],
  ['6', task('6')],
  ['更新6', { ...task('6'), ask: 'detail' }],
  ['目前逾期任务一共几项？', { ...states('overdue'), ask: 'count', taskIds: [] }],
  // keywords from the ledger's texts
  ['双拥公园', { keywords: ['双拥公园'] }],
  ['双拥公园那个谁负责', { keywords: ['双拥公园'], ask: 'who' }],
  ['关于双拥林的任务', { keywords: ['双拥林'] }],
  ['城市更新那个', { keywords: ['城市更新'], units: [] }],
  ['the park one', { termGroups: [{ said: 'park', terms: ['公园'] }] }],
  ['how is the Shuangyong Park one going', { termGroups: [{ said: 'shuangyong', terms: ['双拥'] }, { said: 'park', terms: ['公园'] }] }],
  // not understood, named without guessing
  ['今天天气怎么样', { understood: false }],
  ['今天中午谁订的饭', { understood: false }],
  ['你好', { understood: false }],
  ['哈哈', { understood: false }],
  ['who are you really', { understood: false }],
  ['区统计局有什么任务', { unknownUnits: ['区统计局'], units: [] }],
  // a short name written with a homophone of its ending (交伟 for 交委); one character with another ending is no name
  ['交伟协助的任务', { ...unit('区交通局', 'assist'), assumed: [{ said: '交伟', unit: '区交通局' }] }],
  ['statistics bureau tasks', { unknownUnits: ['statistics bureau'] }],
  ['街道有哪些任务', { candidates: [{ said: '街道', units: ['大佛街道', '梓潼街道办事处', '桂林街道办事处'] }] }],
  ['交通局的任务 咔咔咔', { ...unit('区交通局'), ignored: ['咔咔咔'] }],
  ['下个月要到期的', { ...within('下个月'), units: [], unknownUnits: [] }],
];

describe('readQuestion', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads the asker’s unit named as an alias of the directory', () => {
    const withAliases = createDirectory([makeUnit('区故管处', { aliases: ['heritage office', '故管'], inDirectory: true })], PLAN_UNITS);
    const ctx = { ...context, directory: withAliases };
    expect(readQuestion('which tasks does the heritage office lead', ctx).units).toEqual([{ unit: '区故管处', role: 'lead', said: 'heritage office' }]);
    expect(readQuestion('故管有哪些任务', ctx).units).toEqual([{ unit: '区故管处', role: 'any', said: '故管' }]);
  });
});

describe('English compound nouns', () => {
  const market = {
    ...context,
    directory: createDirectory([], ['县市场监管局', '县文广旅体局']),
    ledger: makeLedger([makeTask({ id: '24', title: '淇河夜市美食街开街运营', lead: ['县文广旅体局'], assist: ['县市场监管局'] })]),
  };
  it('reads "night market" as the topic 夜市, not the market regulation bureau', () => {
    expect(readQuestion("the night market one, who's in charge?", market)).toMatchObject({ units: [], ask: 'who', termGroups: [{ said: 'night', terms: ['夜市'] }, { said: 'market', terms: ['夜市'] }] });
  });
  it('still reads "market regulation" as the bureau', () => {
    expect(readQuestion('which tasks does market regulation lead', market)).toMatchObject({ units: [{ unit: '县市场监管局', role: 'lead' }] });
  });
});

describe('readUpdateCommand', () => {
  it.each([
    ['更新 6 进度80% 已完成 备注：已完成验收', { id: '6', status: '已完成', progress: '80%', note: '已完成验收' }],
    ['任务6 进度 60%', { id: '6', status: null, progress: '60%', note: null }],
    ['update task 6 progress 80% note: done', { id: '6', status: null, progress: '80%', note: 'done' }],
    ['6 已完成', { id: '6', status: '已完成', progress: null, note: null }],
    ['更新任务 A-3 状态：进行中 备注：路面 已铺设', { id: 'A-3', status: '进行中', progress: null, note: '路面 已铺设' }],
    ['update 7 status in progress', { id: '7', status: 'in progress', progress: null, note: null }],
    ['更新 6 路面已铺设，进度 90%', { id: '6', status: null, progress: '90%', note: '路面已铺设' }],
    ['任务6 进展：完成路基施工', { id: '6', status: null, progress: null, note: '完成路基施工' }],
  ])('%s', (text, expected) => {
    expect(readUpdateCommand(text)).toEqual(expected);
  });

  it('leaves questions to readQuestion', () => {
    for (const text of ['更新6', '任务6进展情况怎么样', '交通局负责哪些任务', '6']) expect(readUpdateCommand(text)).toBeNull();
  });
});
