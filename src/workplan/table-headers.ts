/** Headers of task-breakdown tables (分解表) beyond the ledger's own aliases: "存在问题", "整改措施", "责任处室"… */
import { headerMatcher } from '../ledger/headers.js';

/** The ledger field a plan table's header names (the ledger's aliases first), or null. */
export const matchPlanHeader = headerMatcher({
  category: ['存在问题', '主要问题', '问题清单', '重点领域', '工作领域', '领域', '工作板块', '板块名称', '工作类别', '一级任务', '专项行动'],
  title: ['工作目标', '整改目标', '目标要求', '工作重点', '重点工作任务', '主要工作任务', '具体事项', '事项名称', '工作项目', '二级任务',
    '重点事项', '改革事项', '任务清单', '考评内容', '指标内容'],
  detail: ['措施', '整改措施', '推进措施', '工作举措', '主要举措', '具体举措', '实施内容', '建设内容', '任务措施', '具体工作措施',
    '具体要求', '工作标准'],
  lead: ['责任处室', '牵头处室', '牵头科室', '责任科室', '主责部门', '牵头责任部门', '责任主体单位', '落实单位', '实施单位', '考核单位',
    '牵头考核单位'],
  assist: ['协同部门', '配合处室', '协办部门', '参与部门', '协同责任单位', '配合责任单位'],
  due: ['时间安排', '进度安排', '时序进度', '完成时间节点', '时间进度', '完成年限', '推进时限', '时限要求'],
  leader: ['包抓领导', '联系领导'],
});

// Of several unit columns, the one naming the lead ("牵头单位" beside "责任单位": the 责任 units take part).
const STRONG_LEAD_HEADER = /牵头|主办|主责/;

/** True for the header of a unit column that names the lead outright. */
export function isStrongLeadHeader(text: string): boolean {
  return STRONG_LEAD_HEADER.test(text);
}
