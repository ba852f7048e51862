/** The words a weekly or monthly report is made of, shared by its text, card and Word/Excel renderings. */
import { LIGHT_LABELS } from '../reports/labels.js';
import type { PeriodReport } from '../reports/period-report.js';
import type { UnitScore } from '../reports/scores.js';

/** The report's title: "督办通报（2026年3月）" or "督办周调度（2026-03-27）". */
export function reportTitle(report: PeriodReport): string {
  if (report.kind === 'weekly') return `督办周调度（${report.asOf}）`;
  const [year, month] = report.period.split('-').map(Number);
  return `${report.heading.title}（${year}年${month}月）`;
}

/** The overview paragraph: totals, completion rate, overdue and 建议督办, the warning board, the month's best and last. */
export function overviewText(report: PeriodReport): string {
  const s = report.summary;
  const sentences = [
    `截至 ${report.asOf}，台账共有任务 ${s.total} 项，已完成 ${s.done} 项，完成率 ${s.completionRate}%；进行中 ${s.inProgress} 项，未开始 ${s.notStarted} 项，暂缓 ${s.paused} 项。`,
    s.overdue.length > 0
      ? `逾期未完成 ${s.overdue.length} 项，其中逾期较久、建议督办 ${report.escalate.length} 项。`
      : '没有逾期未完成的任务。',
    `预警：${(['red', 'yellow', 'blue'] as const).map((light) => `${LIGHT_LABELS[light]} ${s.lights[light]} 项`).join('，')}。`,
  ];
  const units = report.scores?.units ?? [];
  if (units.length > 1) {
    const first = units.filter((u) => u.rank === 1);
    const lastRank = units[units.length - 1].rank;
    const last = units.filter((u) => u.rank === lastRank);
    sentences.push(`本月考核得分最高的是${few(first)}（${first[0].score} 分），最低的是${few(last)}（${last[0].score} 分）。`);
  }
  return sentences.join('');
}

const names = (units: readonly UnitScore[]) => units.map((u) => u.unit).join('、');
/** Up to three names; more as "区城管局、区国资委等 11 个单位". */
const few = (units: readonly UnitScore[]) => (units.length <= 3 ? names(units) : `${names(units.slice(0, 2))}等 ${units.length} 个单位`);

/** The praise sentence, or null: "表扬：区城管局、区司法局，本月排名靠前、按期完成任务且没有逾期。" */
export function praiseText(report: PeriodReport): string | null {
  return report.praised.length > 0 ? `表扬：${names(report.praised)}，本月排名靠前、按期完成任务且没有逾期。` : null;
}

/** The naming sentence, or null: "点名：区住建委（#3、#7）有任务逾期较久，请抓紧办理。" */
export function namedText(report: PeriodReport): string | null {
  if (report.named.length === 0) return null;
  const list = report.named.map((n) => `${n.unit}（${n.taskIds.map((id) => `#${id}`).join('、')}）`).join('、');
  return `点名：${list}有任务逾期较久，请抓紧办理。`;
}

/**
 * The ranking table's columns (key, header, numeric), shared by every rendering; `short` is the header on a printed
 * A4 page, where eleven columns share 15.5 cm.
 */
export const RANKING_COLUMNS = [
  { key: 'rank', label: '名次', short: '名次', numeric: true },
  { key: 'unit', label: '单位', short: '单位' },
  { key: 'score', label: '得分', short: '得分', numeric: true },
  { key: 'lead', label: '牵头任务', short: '牵头', numeric: true },
  { key: 'done', label: '已完成', short: '完成', numeric: true },
  { key: 'doneOnTime', label: '按期完成', short: '按期', numeric: true },
  { key: 'overdue', label: '逾期', short: '逾期', numeric: true },
  { key: 'overdueWorkdays', label: '逾期工作日', short: '逾期日', numeric: true },
  { key: 'extensions', label: '延期', short: '延期', numeric: true },
  { key: 'missedReports', label: '未按时报送', short: '漏报', numeric: true },
  { key: 'ackHours', label: '签收用时（小时）', short: '签收时长', numeric: true },
] as const;

/** One ranking row as cells ("—" for an acknowledgement time that does not apply). */
export function rankingRow(u: UnitScore): Record<string, string | number> {
  return {
    rank: u.rank, unit: u.unit, score: u.score, lead: u.lead, done: u.done, doneOnTime: u.doneOnTime, overdue: u.overdue,
    overdueWorkdays: u.overdueWorkdays, extensions: u.extensions, missedReports: u.missedReports, ackHours: u.ackHours ?? '—',
  };
}
