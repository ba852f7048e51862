/**
 * The word tables of a question: states, warnings, what is asked, roles, deadline and task words, fillers and small
 * talk, in Chinese and English. Each table is one alternation of literals, so a scan is linear in the text.
 */
import type { AskWord, Piece, PieceRule, RoleWord, StateWord, WarningWord } from './piece.js';

/** An alternation of literal words, longest first; Latin words only at word boundaries. */
function words(list: readonly string[]): RegExp {
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  const han = sorted.filter((w) => !/^[a-z0-9 .'-]+$/.test(w)).map(escape);
  const latin = sorted.filter((w) => /^[a-z0-9 .'-]+$/.test(w)).map((w) => escape(w).replace(/ /g, '\\s+'));
  const parts = [...(han.length ? [han.join('|')] : []), ...(latin.length ? [`(?<![a-z0-9])(?:${latin.join('|')})(?![a-z0-9])`] : [])];
  return new RegExp(parts.join('|'), 'g');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function table<T>(entries: readonly (readonly [T, readonly string[]])[], piece: (value: T) => Piece, priority = 0): PieceRule[] {
  return entries.map(([value, list]) => ({ pattern: words(list), piece: () => piece(value), priority }));
}

const STATES: readonly (readonly [StateWord, readonly string[]])[] = [
  ['overdue', [
    '有没有逾期', '有没有超期', '有没有过期', '有没有延误', '有无逾期', '是否逾期', '是不是逾期', '逾期', '超期', '过期', '超时', '拖期', '误期', '延误', '过了截止日期', '过了期限', '过了截止时间', '到期未完成', '到期没完成', '超过期限', '超过截止日期',
    'overdue', 'past due', 'late', 'behind deadline', 'missed deadline', 'missed the deadline', 'missed their deadline', 'missed deadlines', 'past deadline', 'past the deadline', 'overdu', 'overdeu', 'ovrdue',
  ]],
  ['not_started', [
    '未开始', '没开始', '没有开始', '还没开始', '尚未开始', '未启动', '没启动', '没有启动', '还没启动', '尚未启动', '未开展', '没开展', '还没开展', '没动', '还没动',
    '没动工', '未动工', '没开工', '未开工', '还没开工', '一点没动', '一动没动', '毫无进展', '零进展', '没有进展', '待办理', '待启动', '没干', '还没干', '没做', '还没做', '还没弄',
    'not started', 'not yet started', 'havent started', 'hasnt started', 'not begun', 'yet to start', 'not been started', 'untouched', 'no progress', 'zero progress',
  ]],
  ['in_progress', [
    '进行中', '推进中', '在推进', '正在推进', '正在进行', '办理中', '在做', '正在做', '正在办', '在干', '实施中', '正在实施', '建设中', '在建', '进行当中',
    'in progress', 'ongoing', 'underway', 'under way', 'being worked on', 'in the works', 'active',
  ]],
  ['done', [
    '有没有完成', '有无完成', '是否完成', '是不是完成', '有没有办结', '有无办结', '是否办结', '有没有做完', '有没有干完',
    '已完成', '完成了', '完成的', '做完了', '做完的', '干完了', '干完的', '办完了', '办完的', '搞定', '搞定了', '已办结', '办结', '办结了', '已销号', '销号', '完工', '已完工', '结束了', '已结束', '完成',
    'done', 'completed', 'complete', 'finished', 'closed', 'accomplished', 'wrapped up',
  ]],
  ['not_done', [
    '未完成', '没完成', '没有完成', '还没完成', '尚未完成', '没干完', '还没干完', '没做完', '还没做完', '没办完', '还没办完', '没搞完', '没弄完', '未办结', '没办结', '未销号',
    '还剩', '剩下', '剩余', '欠着', '没结束', '没完', '没交', '还没交', '未交', '没上交', '未上交', '没提交', '未提交', '没报送', '未报送',
    'not done', 'not yet done', 'not finished', 'not completed', 'not complete', 'unfinished', 'incomplete', 'uncompleted', 'outstanding', 'pending', 'remaining',
    'not closed', 'left to do', 'unresolved', 'not yet finished', 'not yet completed',
  ]],
  ['open', ['在办', '待办', '还在办', 'still open', 'open', 'active tasks', 'live']],
  ['not_overdue', [
    '没逾期', '未逾期', '还没逾期', '没有逾期', '尚未逾期', '不逾期', '没超期', '未超期', '还没超期', '没有超期', '没过期', '未过期', '还没到期', '未到期', '没到期', '尚未到期',
    'not overdue', 'not yet overdue', 'not late', 'not past due', 'before the deadline', 'on time', 'in time',
  ]],
  ['paused', ['暂缓', '缓办', '搁置', '暂停', '停了', '停滞', '挂起', 'paused', 'on hold', 'suspended', 'shelved', 'halted', 'frozen']],
  ['extended', ['已延期', '延期', '延期了', '延过期', '推迟', '顺延', 'extended', 'extension', 'extensions', 'postponed', 'deferred', 'rescheduled']],
];

const WARNINGS: readonly (readonly [WarningWord, readonly string[]])[] = [
  ['red', ['红灯', '红色预警', '红色', '红牌', '亮红灯', '红标', 'red', 'red light', 'red flag', 'red flagged', 'red-flagged', 'red warning', 'critical']],
  ['yellow', ['黄灯', '黄色预警', '黄色', '黄牌', '亮黄灯', '黄标', 'yellow', 'yellow light', 'yellow flag', 'yellow warning', 'amber']],
  ['blue', ['蓝灯', '蓝色预警', '蓝色', '蓝牌', '亮蓝灯', '蓝标', 'blue', 'blue light', 'blue flag', 'blue warning']],
  ['green', ['绿灯', '绿色', '正常推进', '按期推进', '进展正常', '按序时推进', 'green', 'green light', 'on track', 'on schedule']],
  ['behind', [
    '滞后', '落后', '进度慢', '进展慢', '进度缓慢', '进展缓慢', '慢了', '太慢', '拖后腿', '拖了后腿', '拉后腿', '慢于序时', '落后于序时', '低于序时', '不达序时', '未达序时',
    'behind schedule', 'behind', 'lagging', 'lag', 'lagging behind', 'falling behind', 'fallen behind', 'slipping', 'slow', 'at risk', 'delayed',
  ]],
];

const ASKS: readonly (readonly [AskWord, readonly string[]])[] = [
  ['who', [
    '谁负责', '谁牵头', '谁在负责', '谁在做', '谁在搞', '谁在弄', '谁在管', '谁管', '谁来做', '谁干', '谁办', '谁承办', '谁主办', '由谁', '归谁', '是谁', '谁的', '谁家',
    '哪个单位负责', '哪个部门负责', '哪家负责', '哪个单位牵头', '哪个部门牵头', '哪家单位', '哪些单位负责', '哪几个单位', '什么单位', '责任单位是', '牵头单位是', '负责单位是', '哪个单位的', '谁',
    'who', 'whos', 'who is', 'who owns', 'who leads', 'who is responsible', 'who is in charge', 'whose', 'which unit owns', 'which unit leads', 'which department',
    'which bureau', 'which agency', 'responsible unit', 'responsible units', 'who handles', 'who is handling', 'who runs', 'who does',
  ]],
  ['detail', [
    '进度', '进展', '进展情况', '什么情况', '啥情况', '咋样', '咋样了', '怎么样', '怎么样了', '怎样了', '如何了', '到哪一步', '到哪一步了', '到哪了', '干到哪了', '做到哪了',
    '弄到哪了', '推进得', '情况如何', '详情', '详细情况', '具体情况', '最新情况', '最新进展', '完成情况', '推进情况', '落实情况', '状态',
    '什么时候', '啥时候', '何时', '几时', '哪天', '几号', '截止时间是', '截止日期是', '期限是', '更新', '最新',
    'when', 'what date', 'which date', 'due date of', 'deadline for', 'deadline of',
    'status', 'progress', 'details', 'detail', 'update on', 'updates on', 'how is', 'hows', 'how about', 'whats happening', 'whats up with', 'info on', 'latest on', 'state of',
  ]],
  ['count', [
    '多少', '几项', '几个', '几件', '几条', '几家', '数量', '总数', '任务数', '事项数', '项目数', '数目', '有几', '共几', '一共有', '总共有', '共有', '合计', '个数', '项数', '多少项', '多少个', '多少件', '多少条',
    'how many', 'number of', 'count', 'total number', 'how much',
  ]],
  ['rate', [
    '完成率', '完成比例', '完成比率', '完成度', '完成百分比', '百分之几', '百分比', '完成了百分之', '比例', '办结率', '完成的比例', '完成占比', '占比', '完成律', '完成绿', '完成路',
    'completion rate', 'completion percentage', 'percent complete', 'percentage complete', 'percent done', 'percentage done', 'rate of completion',
    'what percentage', 'what percent', 'percentage', 'percent', 'completion', 'done rate', 'complete rate', 'completed rate', 'what %', '% done', '% complete', '%',
  ]],
  ['group', [
    '按单位统计', '分单位统计', '按部门统计', '分类统计', '按牵头单位', '按责任单位', '按主办单位', '按牵头部门', '按单位分', '按单位排', '按单位', '按部门', '分单位', '分部门', '各单位', '各部门', '每个单位', '每个部门', '每家', '各家', '各个单位', '排名', '排行', '排行榜', '排序', '统计一下各', '哪个单位', '哪个部门', '哪家',
    '哪些单位', '谁家最多', '谁最多', '最多', '单位分布', '分布',
    'by unit', 'per unit', 'by department', 'per department', 'each unit', 'every unit', 'each department', 'ranking', 'rank', 'ranked', 'leaderboard', 'breakdown',
    'which unit', 'which units', 'which departments', 'which bureau has', 'the most', 'most', 'group by', 'grouped by',
  ]],
  ['slowest', [
    '最拖后腿', '拖后腿最', '最慢', '谁最慢', '哪个最慢', '最落后', '最差', '垫底', '倒数第一', '拖后腿的单位', '拉后腿', '谁拖后腿', '谁在拖后腿', '哪个单位拖后腿', '哪家拖后腿',
    'slowest', 'worst', 'furthest behind', 'most behind', 'lagging the most', 'worst performing', 'bottom', 'dragging', 'dragging its feet', 'holding us back',
  ]],
  ['list', [
    '哪些', '有哪些', '有啥', '有什么', '什么任务', '啥任务', '列出', '列一下', '列个', '清单', '名单', '发我', '发一下', '给我看', '看看', '列表', '一览',
    'list', 'show', 'which', 'what', 'whats', 'any', 'give me', 'tell me', 'show me', 'what are', 'which are',
  ]],
  ['all', ['所有任务', '全部任务', '所有的任务', '全部的任务', '所有事项', '全部事项', '所有', '全部', '全部列出', '总台账', '整个台账', 'all tasks', 'all the tasks', 'every task', 'everything', 'full list', 'all items', 'entire list', 'whole list', 'all']],
  ['overview', [
    '总体进展', '整体进展', '总体情况', '整体情况', '总体进度', '整体进度', '总的情况', '全局', '概况', '汇总', '总览', '大盘', '全貌', '总体', '整体', '面上',
    'overall', 'overview', 'summary', 'big picture', 'how are we doing', 'how are things', 'status overview', 'in total', 'total', 'altogether', 'so far',
  ]],
  ['help', ['帮助', '怎么用', '如何使用', '使用说明', '你能做什么', '你会什么', '能问什么', '可以问什么', '菜单', 'help', 'what can you do', 'how do i use', 'commands', 'usage']],
];

const ROLES: readonly (readonly [RoleWord, readonly string[]])[] = [
  ['lead', [
    '负责', '牵头', '主办', '主责', '承办', '主抓', '挂帅', '领办', '负总责', '作为牵头', '作为责任单位', '是责任单位', '为责任单位', '当牵头',
    'lead', 'leads', 'leading', 'led', 'own', 'owns', 'owned', 'owning', 'in charge', 'in charge of', 'responsible', 'responsible for', 'responsable', 'head', 'heads', 'headed', 'run by', 'runs',
  ]],
  ['assist', [
    '协助', '配合', '参与', '协办', '协同', '帮忙', '辅助', '参加', '支持', '作为协助', '作为配合', '是协助单位', '是配合单位',
    'assist', 'assists', 'assisting', 'assisted', 'support', 'supports', 'supporting', 'supported', 'helps', 'helping', 'helped', 'cooperate', 'cooperating',
    'participate', 'participates', 'participating', 'involved as support', 'co operate', 'contribute', 'contributes', 'contributing', 'assistant', 'supporting role',
  ]],
  ['joint', [
    '一起', '共同', '合作', '联合', '一块', '一同', '协作', '都参与', '都有', '都在', '同时参与', '都涉及', '共同参与', '共同负责', '合办', '一起干', '一起做', '一起搞',
    'together', 'jointly', 'joint', 'both', 'shared', 'share', 'in common', 'co own', 'co owned', 'with each other', 'alongside',
  ]],
];

const DUE = [
  '到期', '截止', '截止日期', '期限', '时限', '要交', '该交', '得交', '交差', '交账', '要完成', '需完成', '须完成', '必须完成', '应完成', '该完成', '得完成', '完成时限', '到点', '要办完',
  'due', 'deadline', 'deadlines', 'expire', 'expires', 'expiring', 'due date', 'due dates', 'to be done', 'to deliver', 'have to finish', 'must finish',
  'needs to be done', 'need to be done', 'needs to be finished', 'needs to be completed', 'to be finished', 'to be completed', 'to be wrapped up', 'wrapped up by',
  'needs to be wrapped up', 'to finish', 'to complete', 'to wrap up', 'to hand in', 'to submit', 'to be delivered', 'must be done', 'has to be done', 'have to be done',
];
const SOON = ['即将到期', '快到期', '快要到期', '马上到期', '临期', '临近', '即将', '快要', '马上', 'soon', 'due soon', 'coming due', 'approaching', 'coming up', 'upcoming', 'imminent'];

const NOUNS = [
  '任务', '事项', '工作', '事情', '事儿', '活儿', '项目', '督办事项', '台账', '工程',
  'task', 'tasks', 'item', 'items', 'job', 'jobs', 'work', 'project', 'projects', 'things', 'stuff', 'assignments', 'assignment', 'ledger',
];

const NO_ASSIST = [
  '没有协助单位', '无协助单位', '没协助单位', '没有配合单位', '无配合单位', '没配合单位', '没有协办单位', '无协办单位', '协助单位为空', '协助单位空着', '协助单位是空的', '没填协助单位',
  '单独负责', '独立负责', '独自负责', '单打独斗', '自己单独', '一家负责', '单独完成', '独立完成', '没有协助', '没有配合', '无人配合', '没人配合', '没人协助', '不需要配合',
  'no assisting unit', 'no assisting units', 'without assisting unit', 'without an assisting unit', 'without assisting units', 'no supporting unit', 'no supporting units',
  'without support', 'without a supporting unit', 'no assist', 'no assisting', 'no helper', 'no helpers', 'on their own', 'on its own', 'alone', 'solo', 'no co-unit', 'nobody assisting', 'no one assisting',
];

const SELF = [
  '我们单位', '我单位', '本单位', '我们部门', '我部门', '本部门', '咱单位', '咱们单位', '咱们部门', '我们局', '我局', '本局', '我们委', '我委', '我们镇', '我镇', '我们街道', '我们这边',
  '咱们', '我们', '我的', '我', '俺们', '俺', '咱',
  'my', 'our', 'we', 'us', 'mine', 'ours', 'my unit', 'our unit', 'our bureau', 'my bureau', 'our team', 'my team', 'our department', 'my department', 'i', 'me',
];

const AND = ['和', '与', '及', '以及', '跟', '同', '还有', '、', 'and', '&', 'plus', 'or', '或'];

const FILLERS = [
  '请问一下', '请问', '请', '麻烦你', '麻烦', '帮我查一下', '帮我查查', '帮我查', '帮我看一下', '帮我看看', '帮我看下', '帮忙看看', '帮忙查一下', '帮我', '帮忙', '给我', '查一下', '查查', '查询',
  '查看', '查下', '看一下', '看下', '瞅瞅', '瞧瞧', '问一下', '问下', '我想知道', '想知道', '我想问', '想问', '想了解', '了解一下', '说一下', '说说', '讲讲', '报一下', '报告', '汇报一下',
  '一下', '你好', '您好', '领导', '同志', '老师', '小助手', '助手', '机器人', '督办', '呢', '吗', '嘛', '啊', '呀', '吧', '哈', '哦', '噢', '喔', '呗', '咧', '啦', '嘞', '哇', '哎', '唉',
  '的', '地', '得', '了', '着', '过', '都', '还', '也', '就', '又', '再', '才', '现在', '目前', '当前', '眼下', '当下', '最近', '一共', '总共', '共', '有', '是', '在', '要', '能', '可以',
  '全区', '全县', '全市', '全镇', '全乡', '全街道', '区里', '县里', '市里', '截至目前', '截止目前', '到目前为止', '迄今', '至今',
  '把', '被', '让', '那个', '这个', '那些', '这些', '那几个', '这几个', '那边', '这边', '那件', '这件', '那项', '这项', '那', '这', '个', '些', '件', '条', '下', '哪', '啥', '什么', '怎么',
  '咋', '如何', '具体', '详细', '一些', '有没有', '有无', '是不是', '是否', '还有没有', '单位', '部门', '相关', '有关', '关于', '涉及', '方面', '类', '类的', '里面', '里', '中',
  '其中', '当中', '分别', '各自', '情况', '东西', '内容', '大概', '到底', '究竟', '吧', '嗯', '额', '呃', '噻', '撒', '得', '给', '对', '对于', '等', '等等', '之类', '之', '及时',
  'the', 'a', 'an', 'of', 'for', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'please', 'pls', 'plz', 'can', 'could', 'would', 'will', 'you', 'u', 'there',
  'currently', 'now', 'right now', 'at the moment', 'so far', 'yet', 'still', 'have', 'has', 'had', 'got', 'get', 'with', 'on', 'about', 'regarding', 'hey', 'hi', 'hello', 'bot', 'ok',
  'okay', 'that', 'this', 'these', 'those', 'it', 'its', 'them', 'they', 'their', 'from', 'at', 'in', 'by', 'as', 'so', 'just', 'quick', 'quickly', 'again', 'also', 'up', 'one', 'ones',
  'thing', 'unit', 'units', 'department', 'departments', 'guys', 'folks', 'team', 'know', 'need', 'want', 'like', 'to know', 'see', 'check', 'look', 'lookup', 'look up', 'find', 'pull up',
  'let', 'lets', 'let me', 'im', 'wondering', 'kindly', 'gimme', 'wanna', 'gonna', 'sure', 'real', 'really', 'exactly', 'currently', 'where', 'here', 'if', 'whether', 'anything', 'something',
];

const SMALL_TALK = [
  '谢谢', '多谢', '感谢', '辛苦了', '辛苦', '收到', '好的', '好嘞', '好滴', '明白', '了解', '知道了', '哈哈', '哈哈哈', '嘿嘿', '呵呵', '嗯嗯', '早上好', '早安', '晚安', '中午好', '下午好', '晚上好',
  '天气', '下雨', '吃饭', '午饭', '晚饭', '开会', '放假', '周末愉快', '节日快乐', '生日', '红包', '在吗', '在不在', '你是谁', '你叫什么', '笑话', '新闻', '股票', '彩票', '电影', '游戏',
  '吃啥', '吃什么', '吃了吗', '吃了没', '喝什么', '喝啥', '去哪玩', '几点下班', '下班', '加班', '请假', '放假吗',
  'thanks', 'thank you', 'thx', 'ty', 'lol', 'haha', 'good morning', 'good night', 'good afternoon', 'weather', 'rain', 'lunch', 'dinner', 'joke', 'movie', 'game', 'how are you', 'whats up',
  'who are you', 'test', 'testing', 'asdf', 'qwerty', 'hmm', 'nice', 'cool', 'great', 'awesome', 'bye', 'goodbye', 'coffee', 'tea', 'football', 'soccer', 'stock', 'stocks', 'birthday',
];

/** "haven't even started", "has not yet begun", "never started". */
const NOT_STARTED_EN = /(?<![a-z])(?:havent|hasnt|have not|has not|not|never|yet to|not even|not yet)\s+(?:even\s+|yet\s+|been\s+|really\s+)*(?:start|started|begin|began|begun|kicked off|kick off)(?![a-z])/g;

/** English words the tables know, so a typo of one ("tomorow", "overdeu") can be put right before reading. */
export function englishVocabulary(): Set<string> {
  const lists = [...STATES, ...WARNINGS, ...ASKS, ...ROLES].flatMap(([, list]) => list);
  const all = [...lists, ...DUE, ...SOON, ...NOUNS, ...NO_ASSIST, ...SELF, ...FILLERS, ...SMALL_TALK, ...TIME_WORDS];
  return new Set(all.flatMap((w) => w.split(/\s+/)).filter((w) => /^[a-z]{3,}$/.test(w)));
}

const TIME_WORDS = [
  'today', 'tonight', 'tomorrow', 'yesterday', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'day', 'days', 'working', 'business',
  'next', 'last', 'this', 'before', 'after', 'until', 'end', 'holiday', 'holidays', 'national', 'festival', 'quarter', 'half', 'within',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** Every word table, as rules; priorities break ties between equally long words (完成 as a state, not a filler). */
export const WORD_RULES: readonly PieceRule[] = [
  ...table(STATES, (state) => ({ kind: 'state', state }), 3),
  ...table(WARNINGS, (level) => ({ kind: 'warning', level }), 3),
  ...table(ASKS, (ask) => ({ kind: 'ask', ask }), 2),
  ...table(ROLES, (role) => ({ kind: 'role', role }), 2),
  // A deadline word wins over a state word of the same length: "要完成的" asks what is due, not what is done.
  { pattern: words(DUE), piece: () => ({ kind: 'due' }), priority: 4 },
  { pattern: words(SOON), piece: () => ({ kind: 'soon' }), priority: 4 },
  { pattern: NOT_STARTED_EN, piece: () => ({ kind: 'state', state: 'not_started' }), priority: 3 },
  {
    pattern: /(?:都|全都|全部|是否|有没有)?(?:已经)?(?:完成|干完|做完|办完|办结|搞定|弄完|结束|完工)了?(?:没有|没|吗|么|未|嘛)(?=\s*$)/g,
    piece: () => ({ kind: 'doneQuestion' }),
    priority: 5,
  },
  // "统计一下", "逾期任务统计": a grouping; "统计局" is a unit.
  { pattern: /统计(?![局站所处])/g, piece: () => ({ kind: 'ask', ask: 'group' }), priority: 2 },
  { pattern: words(NOUNS), piece: () => ({ kind: 'noun' }), priority: 1 },
  { pattern: words(NO_ASSIST), piece: () => ({ kind: 'noAssist' }), priority: 4 },
  { pattern: words(SELF), piece: () => ({ kind: 'self' }), priority: 1 },
  { pattern: words(AND), piece: () => ({ kind: 'and' }), priority: 0 },
  { pattern: words(FILLERS), piece: () => ({ kind: 'filler' }), priority: -1 },
  // A place before a unit's name ("潼南区交通局", "淇川县教育局"): the unit is named without it.
  {
    pattern: /\p{Script=Han}{2,3}(?=(?:省|市|区|县)\p{Script=Han}{1,7}?(?:局|委|办|部|中心|公司|集团|街道|镇|乡|所|站|队|院))/gu,
    piece: () => ({ kind: 'filler' }),
    priority: 0,
  },
  { pattern: words(SMALL_TALK), piece: () => ({ kind: 'chat' }), priority: 0 },
];

