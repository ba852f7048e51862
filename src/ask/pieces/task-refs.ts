/** References to tasks by number: #9, 9号, 任务9, 任务九, 第9项, 第九项, task 9, no. 9, item 9, a bare "9". */
import { parseCount } from '../numbers.js';
import type { PieceRule } from './piece.js';

/** A task id: "9", "A-3", "2.1". */
const ID = '([a-z]{0,4}-?\\d+(?:[.-]\\d+)*)';
/** Chinese numerals, not the start of a word ("任务一共", "任务一下", "第一批"). */
const NUMERAL = '([零一二两三四五六七八九十百]{1,4})(?![共下些点起直定样般批周月天个次类切旦律])';

function id(text: string): string | null {
  if (/\d/.test(text)) return text;
  const n = parseCount(text);
  return n === null ? null : String(n);
}

export const TASK_REF_RULES: readonly PieceRule[] = [
  { pattern: new RegExp(`(?:#|＃|编号|序号)\\s*${ID}`, 'g'), piece: (m) => ({ kind: 'task', id: m[1] }), priority: 4 },
  {
    pattern: new RegExp(`(?:督办事项|任务|事项)\\s*(?:#|编号|序号|第)?\\s*(?:${ID}|${NUMERAL})\\s*(?:号|项)?|工作\\s*(?:#|编号|序号)?\\s*${ID}\\s*(?:号|项)?`, 'g'),
    piece: (m) => {
      const value = id(m[1] ?? m[2] ?? m[3]);
      return value ? { kind: 'task', id: value } : null;
    },
    priority: 4,
  },
  {
    pattern: new RegExp(`第\\s*(?:(\\d{1,4})|${NUMERAL})\\s*(?:项|个|条|号|件)(?:任务|事项|工作)?`, 'g'),
    piece: (m) => {
      const value = id(m[1] ?? m[2]);
      return value ? { kind: 'task', id: value } : null;
    },
    priority: 4,
  },
  { pattern: new RegExp(`(?<![\\d.月])${ID}\\s*号(?:任务|事项|工作)?`, 'g'), piece: (m) => ({ kind: 'task', id: m[1] }), priority: 4 },
  {
    pattern: new RegExp(`(?<![a-z])(?:tasks?|items?|no|number|issue|row)\\s*(?:no\\.?\\s*|number\\s*|#\\s*)?${ID}(?![a-z])`, 'g'),
    piece: (m) => ({ kind: 'task', id: m[1] }),
    priority: 4,
  },
  // A number standing alone ("更新6", "查一下 12"): weakest of all, so any date, count or quantity reading wins.
  {
    pattern: /(?<![\d.\/:#-])(\d{1,4})(?![\d.%\/:-]|\s*(?:天|日|月|号|个|项|周|年|点|时|分|岁|人|次|万|亿|元|成|倍|批|件|条|家|名|公里|亩|米|所|km|days?|weeks?|months?|years?|percent|%|working|business))/g,
    piece: (m) => ({ kind: 'task', id: m[1] }),
    priority: -3,
  },
];

/** A message that is only an id ("9", "#9", "A-3"): a task reference. */
export const BARE_ID = /^#?([a-z]{0,4}-?\d{1,6}(?:[.-]\d+)*)$/;
