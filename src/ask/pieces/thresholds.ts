/** Numeric filters: progress below or above a percentage ("进度低于50%"), overdue by more than N days ("逾期超过10天"). */
import { parseCount } from '../numbers.js';
import type { PieceRule } from './piece.js';

const N = '(一半|\\d{1,3}|[零一二两三四五六七八九十]{1,3})';
const percentOf = (text: string, unit: string | undefined): number | null => {
  const n = text === '一半' ? 50 : parseCount(text);
  if (n === null) return null;
  return unit === '成' ? n * 10 : n;
};
const OVERDUE_WORD = '(?:逾期|超期|拖期|过期|延误)';
const SPAN_UNIT = '(个)?(工作)?(天|日|周|星期|个?月)';
const daysOf = (n: number, unit: string): number => (unit.includes('月') ? n * 30 : unit === '天' || unit === '日' ? n : n * 7);

const STALE_WORD = '(?:没有?|未|不)(?:再)?(?:更新|填报|报送|汇报|报进度|报进展|动静|进展|动过)';
/** Working days without an update after which a task counts as not updated ("好久没更新"), as the digest counts them. */
export const STALE_AFTER_WORKDAYS = 10;

export const THRESHOLD_RULES: readonly PieceRule[] = [
  {
    pattern: new RegExp(`(?:超过|多于|大于)?\\s*${N}\\s*${SPAN_UNIT}(?:以上|多)?(?:都|还|一直)?${STALE_WORD}`, 'g'),
    piece: (m) => {
      const n = m[1] === '一半' ? null : parseCount(m[1]);
      return n === null ? null : { kind: 'stale', days: daysOf(n, m[4]), workdays: Boolean(m[3]) };
    },
    priority: 3,
  },
  {
    pattern: new RegExp(`(?:好久|很久|长期|长时间|一直|许久|多久|老是|一直都)?${STALE_WORD}(?!的?(?:任务)?(?:有|是)?(?:多少|几))`, 'g'),
    piece: () => ({ kind: 'stale', days: STALE_AFTER_WORKDAYS, workdays: true }),
    priority: 2,
  },
  {
    pattern: /(?:not|no|havent been|hasnt been|wasnt|werent)\s+(?:been\s+)?updated(?:\s+(?:in|for)\s+(?:a\s+while|a\s+long\s+time|ages|(\d{1,3})\s+(days?|weeks?)))?|\bstale\b|no\s+updates?(?:\s+(?:in|for)\s+(?:a\s+while|(\d{1,3})\s+(days?|weeks?)))?/g,
    piece: (m) => {
      const n = m[1] ?? m[3];
      const unit = m[2] ?? m[4] ?? '';
      return n ? { kind: 'stale', days: unit.startsWith('week') ? Number(n) * 7 : Number(n), workdays: false } : { kind: 'stale', days: STALE_AFTER_WORKDAYS, workdays: true };
    },
    priority: 3,
  },
  {
    pattern: new RegExp(`(?:完成进度|进度|完成度)?(?:低于|不到|不足|小于|少于|未达到?|没到|没达到|<)\\s*${N}\\s*(%|成)?`, 'g'),
    piece: (m) => {
      const below = percentOf(m[1], m[2]);
      return below !== null && below > 0 && below <= 100 ? { kind: 'progress', below } : null;
    },
    priority: 3,
  },
  {
    pattern: new RegExp(`(?:完成进度|进度|完成度)(?:超过|高于|大于|达到|已达|过|>|≥)\\s*${N}\\s*(%|成)?(?:以上)?|(?:完成进度|进度)${N}\\s*(%|成)以上`, 'g'),
    piece: (m) => {
      const atLeast = percentOf(m[1] ?? m[3], m[2] ?? m[4]);
      return atLeast !== null && atLeast >= 0 && atLeast <= 100 ? { kind: 'progress', atLeast } : null;
    },
    priority: 3,
  },
  { pattern: /(?:完成进度|进度)(?:为|是|还是)?\s*(?:0|零)\s*%?|零进度/g, piece: () => ({ kind: 'progress', below: 1 }), priority: 3 },
  {
    pattern: /(?:progress\s+)?(?:below|under|less than|lower than|<)\s*(\d{1,3})\s*(?:%|percent)/g,
    piece: (m) => ({ kind: 'progress', below: Number(m[1]) }),
    priority: 3,
  },
  {
    pattern: /(?:progress\s+)?(?:above|over|more than|at least|>=?)\s*(\d{1,3})\s*(?:%|percent)/g,
    piece: (m) => ({ kind: 'progress', atLeast: Number(m[1]) }),
    priority: 3,
  },
  // 逾期超过10天, 超期5个工作日以上, 逾期一周以上, 超过10天的逾期, 逾期不超过5个工作日
  {
    pattern: new RegExp(`${OVERDUE_WORD}了?(?:都)?(超过|多于|大于|不止|>|不超过|不到|少于|小于|以内)?\\s*${N}\\s*${SPAN_UNIT}(以上|及以上|多|还多|以内|之内|内)?`, 'g'),
    piece: (m) => overdueBy(m[1], m[2], m[3], m[4], m[5], m[6]),
    priority: 3,
  },
  {
    pattern: new RegExp(`(超过|多于|大于)\\s*${N}\\s*${SPAN_UNIT}(?:的)?${OVERDUE_WORD}`, 'g'),
    piece: (m) => overdueBy(m[1], m[2], m[3], m[4], m[5], undefined),
    priority: 3,
  },
  {
    pattern: /(?:overdue|late|past due)\s+(?:by\s+)?(more than|over|at least|less than|under|within)?\s*(\d{1,3})\+?\s*(working\s+|business\s+)?(days?|weeks?)|(more than|over|at least)\s+(\d{1,3})\s*(working\s+|business\s+)?(days?|weeks?)\s+(?:overdue|late|past due)/g,
    piece: (m) => {
      const op = m[1] ?? m[5];
      const n = Number(m[2] ?? m[6]);
      const unit = m[4] ?? m[8];
      const days = unit.startsWith('week') ? n * 7 : n;
      const workdays = Boolean(m[3] ?? m[7]);
      if (op === 'less than' || op === 'under' || op === 'within') return { kind: 'overdueBy', min: 1, max: op === 'within' ? days : days - 1, workdays };
      return { kind: 'overdueBy', min: op === 'at least' || op === undefined ? days : days + 1, workdays };
    },
    priority: 3,
  },
];

function overdueBy(op: string | undefined, count: string, _ge: string | undefined, work: string | undefined, unit: string, tail: string | undefined) {
  const n = count === '一半' ? null : parseCount(count);
  if (n === null) return null;
  const days = daysOf(n, unit);
  const workdays = Boolean(work);
  if (op === '不超过' || op === '以内' || tail === '以内' || tail === '之内' || tail === '内') return { kind: 'overdueBy' as const, min: 1, max: days, workdays };
  if (op === '不到' || op === '少于' || op === '小于') return { kind: 'overdueBy' as const, min: 1, max: days - 1, workdays };
  // "超过10天" is 11 or more; "10天以上" and a bare "逾期10天" are 10 or more.
  return { kind: 'overdueBy' as const, min: op && op !== '不止' ? days + 1 : days, workdays };
}
