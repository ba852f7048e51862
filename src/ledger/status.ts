/** Status words (状态/完成情况) to the four completion states, and which words name a state and nothing else. */
import type { TaskState } from '../domain/types.js';
import { foldWidth } from './text.js';

export interface StatusParse {
  state: TaskState;
  /** "已延期": an approved extension; the work is still in progress. */
  extended: boolean;
}

// 未完成 means "not finished yet", which ledgers use for work under way: in_progress (a task that has
// not begun says 未开始). Timeliness words (滞后, 逾期) describe work that is still going on.
const WORDS: Record<TaskState, string[]> = {
  not_started: ['未开始', '未启动', '待办理', '待办', '待启动', '尚未开始', '未办理', 'not started', 'todo', 'to do'],
  in_progress: [
    '进行中', '推进中', '正在推进', '按序时推进', '序时推进', '按序时', '办理中', '正在办理', '实施中', '未完成',
    '滞后', '慢序时', '逾期', '已逾期', '超期', '已启动', '基本完成', '部分完成', '持续推进', '长期坚持',
    '正常', '序时', '正常推进', '有序推进', '稳步推进', '加快推进', '积极推进', '全力推进', '快于序时', '慢于序时',
    '超序时', '进度滞后', '严重滞后', '滞后推进', '常态化推进', '常态化开展', '绿灯', '黄灯', '红灯',
    'in progress', 'ongoing', 'started', 'doing',
  ],
  done: [
    '已完成', '完成', '已办结', '办结', '已销号', '销号', '已结束', '已完成销号', '完成销号', '已办结销号', '已完结', '已落实',
    '已验收', 'done', 'completed', 'complete', 'finished',
  ],
  paused: ['暂缓', '搁置', '暂停', '已暂停', '已搁置', '暂缓实施', '暂缓推进', '暂停实施', 'paused', 'on hold', 'suspended'],
};
const EXTENDED = ['已延期', '延期', '延期中', '申请延期', '延期办理', 'extended'];

const LOOKUP = new Map<string, StatusParse>();
for (const [state, words] of Object.entries(WORDS) as [TaskState, string[]][]) {
  for (const word of words) LOOKUP.set(word, { state, extended: false });
}
for (const word of EXTENDED) LOOKUP.set(word, { state: 'in_progress', extended: true });

const NOT_STARTED: StatusParse = { state: 'not_started', extended: false };
const DECORATION = /[（(][^）)]*[）)]|[\s。.!！]+$/g;
const FIRST_CLAUSE = /[,，;；、/]/;

/** The state a status word means; empty → not_started; null for a word it does not know. */
export function parseStatus(text: string): StatusParse | null {
  const exact = LOOKUP.get(text);
  if (exact) return exact;
  const word = foldWidth(text).toLowerCase().replace(DECORATION, '').trim().replace(/\s+/g, ' ');
  if (word === '') return NOT_STARTED;
  // "已完成，待验收" counts by its first clause.
  return LOOKUP.get(word) ?? LOOKUP.get(word.split(FIRST_CLAUSE)[0].trim()) ?? byPattern(word);
}

// Offices coin variants of the same few words: "稳妥推进", "已完成并销号", "暂缓至下半年".
const PATTERNS: [RegExp, StatusParse][] = [
  [/^(?:已|均已|全部)(?:完成|办结|销号|完结)/, { state: 'done', extended: false }],
  [/^(?:暂缓|暂停|搁置)/, { state: 'paused', extended: false }],
  [/^(?:未|尚未)(?:开始|启动|开展|实施)/, { state: 'not_started', extended: false }],
  [/推进$|^(?:正在|正常|序时|滞后)/, { state: 'in_progress', extended: false }],
];

function byPattern(word: string): StatusParse | null {
  return PATTERNS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

// The office's own word that a task is behind schedule ("滞后", "慢于序时", "进度滞后", a 红灯/黄灯 it gave).
const LAGGING = /滞后|慢序时|慢于序时|红灯|黄灯/;

/** True when the status text says the work is behind schedule (the task is still in progress). */
export function isLaggingStatus(text: string): boolean {
  return LAGGING.test(text);
}

/** What a status cell says as duban writes it: one of the four states, or an approved extension (已延期). */
export type StatusKey = TaskState | 'extended';

/** The template's word for each meaning (sheets-templates/README.md): written only where the ledger has none of its own. */
export const STATUS_TEMPLATE_WORDS: Readonly<Record<StatusKey, string>> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  paused: '暂缓',
  extended: '已延期',
};

// The in-progress words that say only that: the others also say how it goes (滞后, 序时推进, 基本完成, 红灯).
const PLAIN_IN_PROGRESS = new Set([
  '进行中', '推进中', '正在推进', '办理中', '正在办理', '实施中', '未完成', '已启动', '持续推进', 'in progress', 'ongoing', 'started', 'doing',
]);
// 申请延期 is a request, not the approved extension duban writes.
const PLAIN_EXTENDED = new Set(['已延期', '延期', '延期中', '延期办理', 'extended']);

/**
 * The state a cell's whole text names when it names nothing else ("推进中", "已办结", "已延期"); null for a word that
 * also says how the work goes ("滞后", "序时推进"), for annotated text ("已完成（待验收）") and for unknown words.
 */
export function plainStatusKey(text: string): StatusKey | null {
  const word = foldWidth(text).trim().toLowerCase().replace(/\s+/g, ' ');
  const parsed = LOOKUP.get(word);
  if (!parsed) return null;
  if (parsed.extended) return PLAIN_EXTENDED.has(word) ? 'extended' : null;
  return parsed.state !== 'in_progress' || PLAIN_IN_PROGRESS.has(word) ? parsed.state : null;
}
