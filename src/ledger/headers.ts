/** The ledger template's headers and the aliases offices write instead (docs/contracts.md, "Ledger template"). */
import type { LedgerField } from '../domain/types.js';
import { normalizeHeader } from './header-text.js';

/** The canonical Chinese header of each field. */
export const CANONICAL_HEADERS: Record<LedgerField, string> = {
  id: '编号',
  category: '类别',
  title: '任务',
  lead: '责任单位',
  assist: '协助单位',
  start: '开始日期',
  due: '截止日期',
  status: '状态',
  progress: '进度',
  note: '进展情况',
  updated: '更新时间',
  originalDue: '原截止日期',
  extensions: '延期次数',
  closed: '办结时间',
  evidence: '佐证材料',
  warning: '预警',
  detail: '工作内容',
  leader: '责任领导',
};

/** Other headers accepted for each field (matched after normalisation: case, width, spaces, notes). */
export const HEADER_ALIASES: Record<LedgerField, string[]> = {
  id: ['序号', '任务编号', 'no', 'no.', 'id', '#'],
  category: ['任务类别', '板块', '分类', '类型', '工作类别', '事项类别', '任务类型', '工作类型', 'category'],
  title: ['工作任务', '任务内容', '重点任务', '督办事项', '任务名称', '事项', '项目名称', '项目内容', '具体任务', '主要任务',
    '工作事项', '任务事项', '目标任务', 'task', 'title'],
  lead: ['牵头单位', '主办单位', '承办单位', '责任部门', '牵头部门', '责任主体', '主责单位', '牵头责任单位', 'lead', 'owner'],
  assist: ['配合单位', '协办单位', '参与单位', '配合部门', '协助部门', '协同单位', '协作单位', 'assist', 'support'],
  start: ['开始时间', '起始时间', '启动时间', '交办日期', '交办时间', '下达日期', '下达时间', '立项时间', 'start'],
  due: ['完成时限', '截止时间', '时间节点', '完成时间', '办结时限', '时限', '完成期限', '时间要求', '计划完成时间', '办理时限', '办理期限', '限办日期',
    '要求完成时间', '截止时限', '完成节点', '完成时点', 'due', 'deadline'],
  status: ['完成情况', '办理状态', '进度状态', '任务状态', '推进状态', '当前状态', 'status'],
  progress: ['完成进度', '百分比', '完成比例', '进度百分比', '完成率', 'progress'],
  note: ['推进情况', '工作动态', '落实情况', '进展', '工作进展', '工作推进情况', '目前进展', '推进落实情况', '办理情况', '办理进展', '进展说明',
    'note', 'notes'],
  updated: ['最后更新', '更新日期', '最近更新', '最近更新时间', '最新更新', '填报时间', '填报日期', 'updated', 'last updated'],
  originalDue: ['原定时限', '原截止时间', '原完成时限', '原定完成时间', '原时限', 'original due', 'original deadline'],
  extensions: ['延期数', 'extensions'],
  closed: ['完成日期', '办结日期', '销号时间', '销号日期', '实际完成时间', 'closed', 'completed on'],
  evidence: ['附件', '证明材料', '佐证', '佐证资料', '印证材料', 'evidence', 'attachments'],
  warning: ['预警等级', '预警级别', '预警状态', '红黄灯', '红黄绿灯', '亮灯', 'warning', 'light'],
  detail: ['具体内容', '工作要求', '主要内容', '具体措施', '工作措施', '主要措施', '任务要求', 'detail'],
  leader: ['分管领导', '牵头领导', '牵头负责领导', '分管区领导', '分管市领导', '责任区领导', 'leader'],
};

/** Columns holding dates: serial day numbers read from them become ISO dates, and dates are written back as dates. */
export const DATE_FIELDS: ReadonlySet<LedgerField> = new Set(['start', 'due', 'updated', 'originalDue', 'closed']);

/** Columns without which the ledger cannot be read (errors); id and due are expected (warnings). */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['title', 'lead'];
export const EXPECTED_FIELDS: readonly LedgerField[] = ['id', 'due'];

/** A header matcher over the ledger's aliases and `extra` ones (a work-plan table's "整改措施", "存在问题"). */
export function headerMatcher(extra: Partial<Record<LedgerField, readonly string[]>> = {}): (text: string) => LedgerField | null {
  const lookup = new Map<string, LedgerField>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [LedgerField, string[]][]) {
    for (const text of [CANONICAL_HEADERS[field], ...aliases, ...(extra[field] ?? [])]) lookup.set(normalizeHeader(text), field);
  }
  return (text) => {
    const key = normalizeHeader(text);
    if (key === '') return null;
    const direct = lookup.get(key);
    if (direct) return direct;
    // "牵头单位/责任单位", "责任单位及责任人": the first part that names a field.
    for (const part of key.split(/[/、]|及|和|与/)) {
      const field = lookup.get(part);
      if (field) return field;
    }
    return fieldByWords(key);
  };
}

/**
 * Headers no table lists, read by the words they are made of ("办结期限" is a deadline, "交办下达日期" a start):
 * the one field whose words the header has, or null when none or several fit.
 */
const FIELD_WORDS: readonly [LedgerField, RegExp][] = [
  ['due', /^(?!原|实际)(?:.*(?:截止|时限|期限|节点|限办|完成时间))/],
  ['start', /(开始|起始|启动|交办|下达|立项)(日期|时间)/],
  ['updated', /(更新|填报|报送)(日期|时间)|最近更新|最新更新/],
  ['status', /状态/],
  ['progress', /进度|百分比|完成率/],
  ['note', /进展|办理情况|推进情况|落实情况|工作动态/],
  ['lead', /(牵头|主办|主责|承办|责任)(单位|部门)/],
  ['assist', /(配合|协助|协办|协同|参与|协作)(单位|部门)/],
];

/** Columns named by a word of their own, tried first: "原定期限" is the original deadline, "实际完成日期" the closing day. */
const SPECIFIC_WORDS: readonly [LedgerField, RegExp][] = [
  ['originalDue', /^原.*(日期|时间|时限|期限)/],
  ['closed', /实际完成|办结(日期|时间)|销号(日期|时间)/],
  ['extensions', /延期(次数|数)/],
  ['evidence', /佐证|证明材料|附件/],
  ['warning', /预警|红黄/],
  ['leader', /领导/],
];

function fieldByWords(key: string): LedgerField | null {
  const specific = SPECIFIC_WORDS.find(([, words]) => words.test(key));
  if (specific) return specific[0];
  const fits = FIELD_WORDS.filter(([, words]) => words.test(key)).map(([field]) => field);
  return fits.length === 1 ? fits[0] : null;
}

/** The field a header names, or null for a column duban does not use. "牵头单位/责任单位", "责任单位及责任人" match by their parts. */
export const matchHeader: (text: string) => LedgerField | null = headerMatcher();
