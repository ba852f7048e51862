/** Headers of task-breakdown tables (分解表) beyond the ledger's own aliases: "存在问题", "整改措施", "责任处室"… */
import type { LedgerField } from '../domain/types.js';
import { headerMatcher } from '../ledger/headers.js';

const exactPlanHeader = headerMatcher({
  category: ['存在问题', '主要问题', '问题清单', '重点领域', '工作领域', '领域', '工作板块', '板块名称', '工作类别', '一级任务', '专项行动'],
  title: ['工作目标', '整改目标', '目标要求', '工作重点', '重点工作任务', '主要工作任务', '具体事项', '事项名称', '工作项目', '二级任务',
    '重点事项', '改革事项', '任务清单', '考评内容', '指标内容'],
  detail: ['措施', '整改措施', '推进措施', '工作举措', '主要举措', '具体举措', '实施内容', '建设内容', '任务措施', '具体工作措施',
    '具体要求', '工作标准'],
  lead: ['责任处室', '牵头处室', '牵头科室', '责任科室', '主责部门', '牵头责任部门', '责任主体单位', '落实单位', '实施单位', '考核单位',
    '牵头考核单位'],
  assist: ['协同部门', '配合处室', '协办部门', '参与部门', '协同责任单位', '配合责任单位'],
  due: ['时间安排', '进度安排', '时序进度', '完成时间节点', '时间进度', '完成年限', '推进时限', '时限要求'],
  leader: ['包抓领导', '联系领导', '责任人', '牵头人'],
});

// Headers seen only once in a while ("工作目标任务", "具体工作措施及要求"), read by the words in them; most specific first.
const WORDS: [RegExp, LedgerField][] = [
  [/领导|责任人/, 'leader'],
  [/配合|协助|协办|参与|协同|协作|支撑/, 'assist'],
  [/牵头|主办|主责|承办|责任单位|责任部门|责任主体|责任处室|责任科室|实施单位/, 'lead'],
  [/时限|时间|期限|节点|进度安排/, 'due'],
  [/序号|编号/, 'id'],
  [/措施|举措|要求|内容/, 'detail'],
  [/任务|事项|目标|项目/, 'title'],
  [/类别|领域|板块|问题/, 'category'],
];
// A sentence, not a column name.
const SENTENCE = /[。，；,;！？!?]/;
// Columns that report on a task rather than describe it.
const REPORTING = /进展|情况|备注|说明|状态|进度|成效|结果|评价|得分|分值/;

/** The ledger field a plan table's header names (the ledger's aliases first, then the words in it), or null. */
export function matchPlanHeader(text: string): LedgerField | null {
  const exact = exactPlanHeader(text);
  if (exact || REPORTING.test(text) || text.length > 20 || SENTENCE.test(text)) return exact;
  return WORDS.find(([words]) => words.test(text))?.[1] ?? null;
}

/** True when the header may be a task column's that no alias names ("惠民实事"): it names no field and no report. */
export function mayNameTaskColumn(text: string): boolean {
  return text.trim() !== '' && matchPlanHeader(text) === null && !REPORTING.test(text);
}

// A column of problems found ("存在问题", "发现问题", "问题清单"), read by the ledger as a category.
const PROBLEM_HEADER = /问题/;

/** True for the header of a column listing problems to fix. */
export function isProblemHeader(text: string): boolean {
  return PROBLEM_HEADER.test(text.replace(/\s+/g, ''));
}

// Of several unit columns, the one naming the lead ("牵头单位" beside "责任单位": the 责任 units take part).
const STRONG_LEAD_HEADER = /牵头|主办|主责/;

/** True for the header of a unit column that names the lead outright. */
export function isStrongLeadHeader(text: string): boolean {
  return STRONG_LEAD_HEADER.test(text);
}
