/**
 * Reading the division-of-work clause of a plan item: keyed ("责任单位：X，协助单位：Y"),
 * by role word ("X牵头，Y、Z配合"), or a pointer to another document ("工作分工见《…》").
 */
import { splitUnits } from '../ledger/split-units.js';

export type UnitClause =
  | { kind: 'units'; lead: string[]; assist: string[] }
  | { kind: 'external'; ref: string };

// 牵头/主办 name the lead outright; when they appear, 责任/承办/负责 units take part (assist).
type Role = 'strongLead' | 'lead' | 'assist';

const KEY = /(牵头|主办|责任|承办|协助|配合|协办|参与)(?:单位|部门)\s*[：:]/g;
const LEADING_KEY = new RegExp(`^\\s*${KEY.source}`);
const KEY_ROLE: Record<string, Role> = {
  牵头: 'strongLead',
  主办: 'strongLead',
  责任: 'lead',
  承办: 'lead',
  协助: 'assist',
  配合: 'assist',
  协办: 'assist',
  参与: 'assist',
};

// Longest suffixes first, so "X牵头负责" is X with 牵头负责, not "X牵头" with 负责.
const ROLE_SUFFIXES: [string, Role][] = [
  ['按职责分工负责', 'lead'],
  ['按职责负责', 'lead'],
  ['分工负责', 'lead'],
  ['共同负责', 'lead'],
  ['具体负责', 'lead'],
  ['牵头负责', 'strongLead'],
  ['负总责', 'lead'],
  ['负责', 'lead'],
  ['牵头', 'strongLead'],
  ['主办', 'strongLead'],
  ['配合', 'assist'],
  ['协助', 'assist'],
  ['协办', 'assist'],
  ['参与', 'assist'],
];

// Fields that may follow the units on the same line: "责任单位：X；完成时限：2022年6月底".
const OTHER_FIELD = /(?:完成|办结)?(?:时限|时间节点|时间|责任人|责任领导|联系人)\s*[：:]/;
const EXTERNAL = /^(?:具体)?(?:工作|责任|任务)?分工(?:详)?见/;
// Text that cannot be a unit list: a sentence, a colon, a date.
const NOT_UNITS = /[。：:]|\d{4}年/;

/** The clause's units, a pointer to another document, or null when the text is not a unit clause. */
export function parseUnitClause(content: string): UnitClause | null {
  return parseUnitClauses([content]);
}

/** Several division-of-work lines of one task read together ("牵头单位：X" then "责任单位：Y"), or null if one is unreadable. */
export function parseUnitClauses(contents: string[]): UnitClause | null {
  const parts: [Role, string][] = [];
  for (const content of contents) {
    const text = content.trim();
    if (EXTERNAL.test(text)) return { kind: 'external', ref: text };
    const found = LEADING_KEY.test(text) ? keyedParts(text) : roleParts(text);
    if (found === null) return null;
    parts.push(...found);
  }
  return assignRoles(parts);
}

/** True when the text starts with a unit key such as "牵头单位：". */
export function startsWithUnitKey(text: string): boolean {
  return LEADING_KEY.test(text);
}

function keyedParts(text: string): [Role, string][] {
  const matches = [...text.matchAll(KEY)];
  return matches.map((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
    return [KEY_ROLE[m[1]], text.slice(m.index + m[0].length, end).split(OTHER_FIELD)[0]];
  });
}

function roleParts(text: string): [Role, string][] | null {
  const parts: [Role, string][] = [];
  for (const piece of text.split(/[，,；;]/)) {
    const part = piece.trim();
    if (part === '') continue;
    const suffix = ROLE_SUFFIXES.find(([word]) => part.endsWith(word) && part.length > word.length);
    if (!suffix) return null;
    const units = part.slice(0, part.length - suffix[0].length);
    if (NOT_UNITS.test(units)) return null;
    parts.push([suffix[1], units]);
  }
  return parts.some(([role]) => role !== 'assist') ? parts : null;
}

function assignRoles(parts: [Role, string][]): UnitClause {
  const hasStrongLead = parts.some(([role]) => role === 'strongLead');
  const lead: string[] = [];
  const assist: string[] = [];
  for (const [role, units] of parts) {
    const isLead = role === 'strongLead' || (role === 'lead' && !hasStrongLead);
    (isLead ? lead : assist).push(...splitUnits(units));
  }
  return { kind: 'units', lead: [...new Set(lead)], assist: [...new Set(assist)].filter((u) => !lead.includes(u)) };
}
