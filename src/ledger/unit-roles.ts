/**
 * A unit cell that says who leads and who helps: "区交通局（牵头）、区公安分局", "区发改委牵头，区财政局配合",
 * "各镇街负责，区应急管理局指导". Without a role word the cell is a plain list (every unit has the cell's role).
 */
import { splitUnits } from './split-units.js';

export interface UnitRoles {
  lead: string[];
  assist: string[];
  /** True when a unit was marked 牵头/主办: the cell names its lead outright. */
  strong: boolean;
}

/** 牵头/主办 name the lead outright; when they appear, 责任/负责 units take part (assist). */
export type UnitRole = 'strongLead' | 'lead' | 'assist';

/** Role words after unit names, longest first ("X牵头负责" is X with 牵头负责, not "X牵头" with 负责). */
export const ROLE_WORDS: readonly [string, UnitRole][] = [
  ['按职责分工负责', 'lead'], ['按职责负责', 'lead'], ['牵头负责', 'strongLead'], ['分工负责', 'lead'],
  ['共同负责', 'lead'], ['具体负责', 'lead'], ['分别负责', 'lead'], ['各自负责', 'lead'], ['负总责', 'lead'],
  ['负责', 'lead'], ['牵头', 'strongLead'], ['主办', 'strongLead'], ['主责', 'strongLead'],
  ['配合', 'assist'], ['协助', 'assist'], ['协办', 'assist'], ['参与', 'assist'],
  // "（各镇街负责，区应急管理局指导）": the guiding department takes part without leading.
  ['指导', 'assist'],
];
// Most cells are plain lists: one test of all role words lets them skip the role analysis.
const ANY_ROLE_WORD = new RegExp(ROLE_WORDS.map(([w]) => w).join('|'));
const MARKED = new RegExp(`[（(](${ROLE_WORDS.map(([w]) => w).join('|')})(?:单位)?[）)]$`);
const UNIT_SEPARATORS = new Set(['、', '/', '／']);
const GROUP_SEPARATORS = new Set(['，', ',', '；', ';', '\n', '\r']);

/** The lead and assisting units of a 责任单位 cell; a unit marked 配合/协助 (or any unit beside a 牵头 unit) assists. */
export function unitRoles(cell: string): UnitRoles {
  if (!ANY_ROLE_WORD.test(cell)) return { lead: splitUnits(cell), assist: [], strong: false };
  const named: [UnitRole | null, string][] = [];
  for (const group of groups(cell)) {
    const last = group.length - 1;
    const suffix = ROLE_WORDS.find(([word]) => group[last].endsWith(word) && group[last].length > word.length);
    if (suffix) group[last] = group[last].slice(0, -suffix[0].length);
    for (const text of group) {
      const mark = MARKED.exec(text);
      const role = mark ? ROLE_WORDS.find(([word]) => word === mark[1])![1] : (suffix?.[1] ?? null);
      for (const name of splitUnits(mark ? text.slice(0, mark.index) : text)) named.push([role, name]);
    }
  }
  const strong = named.some(([role]) => role === 'strongLead');
  const lead: string[] = [];
  const assist: string[] = [];
  for (const [role, name] of named) {
    // Beside a 牵头 unit, the others take part; otherwise unmarked and 负责 units lead.
    const leads = role === 'strongLead' || (!strong && role !== 'assist');
    const list = leads ? lead : assist;
    if (!lead.includes(name) && !list.includes(name)) list.push(name);
  }
  return { lead, assist: assist.filter((name) => !lead.includes(name)), strong };
}

/** The cell's text split into groups (between ，；) of unit texts (between 、/), not inside parentheses. */
function groups(cell: string): string[][] {
  const result: string[][] = [];
  let group: string[] = [];
  let depth = 0;
  let start = 0;
  const close = (end: number): void => {
    const text = cell.slice(start, end).trim();
    if (text !== '') group.push(text);
    start = end + 1;
  };
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && UNIT_SEPARATORS.has(ch)) close(i);
    else if (depth === 0 && GROUP_SEPARATORS.has(ch)) {
      close(i);
      if (group.length > 0) result.push(group);
      group = [];
    }
  }
  close(cell.length);
  if (group.length > 0) result.push(group);
  return result;
}
