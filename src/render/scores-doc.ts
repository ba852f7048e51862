/** The month's scores and ranking as a document (`duban score`): what they were computed from, then the table. */
import type { MonthScores } from '../reports/scores.js';
import type { Doc } from './doc.js';
import { rankingRow, RANKING_COLUMNS } from './report-parts.js';

/** The scores as a document; `from` says whether the tasks came from the ledger or a stored snapshot. */
export function scoresDoc(scores: MonthScores, from: 'ledger' | 'snapshot'): Doc {
  const [year, month] = scores.month.split('-').map(Number);
  const w = scores.weights;
  const source = from === 'ledger' ? `台账（截至 ${scores.asOf}）` : `${scores.asOf} 的台账快照`;
  const reports = scores.reportsDue ? `催报日 ${scores.collectDate}` : `催报日 ${scores.collectDate} 未到，报送暂不扣分`;
  return {
    title: `单位考核 · ${year}年${month}月`,
    severity: 'blue',
    summary: `${scores.units.length} 个单位，第一名 ${scores.units[0]?.unit ?? '—'}`,
    blocks: [
      { kind: 'paragraph', parts: [`依据：${source}；${reports}。`] },
      { kind: 'paragraph', parts: [`满分 ${w.onTime + w.overdue + w.extensions + w.reports + w.ack}：按期完成 ${w.onTime}、逾期 ${w.overdue}、延期 ${w.extensions}、进度报送 ${w.reports}、签收 ${w.ack}（规则见 docs/scoring.md）。`] },
      scores.units.length > 0
        ? { kind: 'table', columns: RANKING_COLUMNS.map((c) => ({ ...c })), rows: scores.units.map(rankingRow) }
        : { kind: 'paragraph', parts: ['台账中没有牵头单位，无法排名。'] },
    ],
  };
}
