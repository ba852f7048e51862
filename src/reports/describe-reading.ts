/** The words an answer's title uses for what was asked: "区交通运输委员会牵头的、本周到期、红灯的任务". */
import type { StateWord, TimeWindow, WarningWord } from '../ask/pieces/piece.js';
import type { Reading } from '../ask/reading.js';
import type { ResolvedMention } from './select-tasks.js';

const STATE_WORDS: Readonly<Record<StateWord, string>> = {
  overdue: '逾期',
  not_overdue: '未逾期',
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  paused: '暂缓',
  not_done: '未完成',
  open: '未完成',
  extended: '已延期',
};
const WARNING_WORDS: Readonly<Record<WarningWord, string>> = { red: '红灯', yellow: '黄灯', blue: '蓝灯', green: '绿灯', behind: '进度滞后' };
const ROLE_WORDS = { lead: '牵头', assist: '协助', any: '' } as const;

/** A short Chinese description of the tasks a reading selects, ending in "的任务" ("全部任务" when nothing narrows it). */
export function describeReading(reading: Reading, units: readonly ResolvedMention[], window: TimeWindow | null): string {
  const parts: string[] = [];
  let who = '';
  if (units.length > 0) {
    const names = units.map((u) => `${u.unit}${ROLE_WORDS[u.role]}`);
    who = reading.joint && units.length > 1 ? `${names.join('和')}共同参与` : names.join('、');
  }
  if (window) parts.push(`${window.label}到期`);
  else if (reading.dueSoon) parts.push('即将到期');
  if (reading.overdueBy) {
    const unit = reading.overdueBy.workdays ? '个工作日' : '天';
    const max = reading.overdueBy.max;
    parts.push(max !== null ? `逾期不超过 ${max} ${unit}` : `逾期 ${reading.overdueBy.min} ${unit}及以上`);
  }
  for (const state of reading.states) if (!(state === 'overdue' && reading.overdueBy)) parts.push(STATE_WORDS[state]);
  for (const level of reading.warnings) parts.push(WARNING_WORDS[level]);
  if (reading.progressBelow !== null) parts.push(`进度低于 ${reading.progressBelow}%`);
  if (reading.progressAtLeast !== null) parts.push(`进度达到 ${reading.progressAtLeast}%`);
  for (const keyword of reading.keywords) parts.push(`与“${keyword}”有关`);
  if (reading.termGroups.length > 0) parts.push(`与“${reading.termGroups.map((g) => g.said).join(' ')}”有关`);
  if (reading.noAssist) parts.push('没有协助单位');
  if (reading.stale) parts.push(`${reading.stale.days} ${reading.stale.workdays ? '个工作日' : '天'}以上未更新`);
  if (reading.taskIds.length > 0) parts.push(`编号 ${reading.taskIds.join('、')}`);
  if (!who && parts.length === 0) return '全部任务';
  return `${who}${parts.join('、')}的任务`;
}
