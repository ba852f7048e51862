/**
 * Reading the division-of-work clause of a plan item: keyed ("责任单位：X，协助单位：Y"),
 * by role word ("X牵头，Y、Z配合"), or a pointer to another document ("工作分工见《…》").
 * A deadline in the clause ("完成时限：2024年6月底", "…，2024年12月底前完成") is kept as written.
 */
import { ROLE_WORDS, unitRoles, type UnitRole } from '../ledger/unit-roles.js';

export type UnitClause =
  | { kind: 'units'; lead: string[]; assist: string[]; due?: string }
  | { kind: 'external'; ref: string };

// "牵头单位：", "配合部门：", and in brackets the short "牵头：X 配合：Y".
const KEY = /(牵头|主办|责任|承办|协助|配合|协办|参与)(?:单位|部门)?\s*[：:]/g;
const LEADING_KEY = new RegExp(`^\\s*${KEY.source}`);
const KEY_ROLE: Record<string, UnitRole> = {
  牵头: 'strongLead',
  主办: 'strongLead',
  责任: 'lead',
  承办: 'lead',
  协助: 'assist',
  配合: 'assist',
  协办: 'assist',
  参与: 'assist',
};

// Fields that may follow the units on the same line or on lines of their own: "完成时限：2022年6月底", "牵头领导：张三".
const TIME_KEY = '(?:完成|办结)?(?:时限|时间节点|时间|期限)';
const PERSON_KEY = '(?:牵头|责任|分管|联系)领导|牵头人|责任人|联系人';
const OTHER_FIELD = new RegExp(`(?:${TIME_KEY}|${PERSON_KEY})\\s*[：:]`);
const TIME_FIELD = new RegExp(`${TIME_KEY}\\s*[：:]\\s*([^；;，,]+)`);
const FIELD_LINE = new RegExp(`^(?:(${TIME_KEY})|${PERSON_KEY})\\s*[：:]\\s*(.*?)[。；;]?$`);
const EXTERNAL = /^(?:具体)?(?:工作|责任|任务)?分工(?:详)?见/;
// Text that cannot be a unit list: a sentence, a colon, a date.
const NOT_UNITS = /[。：:]|\d{4}年/;
// A deadline piece among the role pieces: "2024年12月底前完成", "6月底前".
const DEADLINE_PIECE = /^(?:于)?(?:\d{4}年)?(?:\d{1,2}月|年)[^，,；;]*(?:前|底|末)(?:完成|办结)?$/;

/** The clause's units, a pointer to another document, or null when the text is not a unit clause. */
export function parseUnitClause(content: string): UnitClause | null {
  return parseUnitClauses([content]);
}

/** Several division-of-work lines of one task read together ("牵头单位：X" then "责任单位：Y"), or null if one is unreadable. */
export function parseUnitClauses(contents: string[]): UnitClause | null {
  const parts: [UnitRole, string][] = [];
  let due: string | undefined;
  for (const content of contents) {
    const text = content.trim();
    if (EXTERNAL.test(text)) return { kind: 'external', ref: text };
    const found = LEADING_KEY.test(text) ? keyedParts(text) : roleParts(text);
    if (found === null) return null;
    parts.push(...found.parts);
    due ??= found.due;
  }
  const clause = assignRoles(parts);
  if (due !== undefined) clause.due = due;
  return clause;
}

/** True when the text starts with a unit key such as "牵头单位：". */
export function startsWithUnitKey(text: string): boolean {
  return LEADING_KEY.test(text);
}

/** A line holding another field of the task ("完成时限：…", "牵头领导：…"): its deadline text when it is a time field; null for other lines. */
export function readFieldLine(text: string): { due: string | null } | null {
  const m = FIELD_LINE.exec(text.trim());
  return m ? { due: m[1] && m[2] ? m[2] : null } : null;
}

interface Parts {
  parts: [UnitRole, string][];
  due?: string;
}

function keyedParts(text: string): Parts {
  const matches = [...text.matchAll(KEY)];
  const parts = matches.map((m, i): [UnitRole, string] => {
    const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
    return [KEY_ROLE[m[1]], text.slice(m.index + m[0].length, end).split(OTHER_FIELD)[0]];
  });
  const time = TIME_FIELD.exec(text);
  return time ? { parts, due: time[1].trim() } : { parts };
}

function roleParts(text: string): Parts | null {
  const parts: [UnitRole, string][] = [];
  let due: string | undefined;
  for (const piece of text.split(/[，,；;]/)) {
    const part = piece.trim();
    if (part === '') continue;
    if (DEADLINE_PIECE.test(part)) {
      due ??= part;
      continue;
    }
    const suffix = ROLE_WORDS.find(([word]) => part.endsWith(word) && part.length > word.length);
    if (!suffix) return null;
    const units = part.slice(0, part.length - suffix[0].length);
    if (NOT_UNITS.test(units)) return null;
    parts.push([suffix[1], units]);
  }
  if (!parts.some(([role]) => role !== 'assist')) return null;
  return due === undefined ? { parts } : { parts, due };
}

/** Lead and assisting units; a unit marked "（牵头）" inside a part leads, and beside any 牵头 unit the 责任 units assist. */
function assignRoles(parts: [UnitRole, string][]): Extract<UnitClause, { kind: 'units' }> {
  const named: [UnitRole, string][] = [];
  for (const [role, units] of parts) {
    const marked = unitRoles(units);
    for (const name of marked.lead) named.push([role === 'assist' ? 'assist' : marked.strong ? 'strongLead' : role, name]);
    for (const name of marked.assist) named.push(['assist', name]);
  }
  const hasStrongLead = named.some(([role]) => role === 'strongLead');
  const lead: string[] = [];
  const assist: string[] = [];
  for (const [role, name] of named) {
    const isLead = role === 'strongLead' || (role === 'lead' && !hasStrongLead);
    (isLead ? lead : assist).push(name);
  }
  return { kind: 'units', lead: [...new Set(lead)], assist: [...new Set(assist)].filter((u) => !lead.includes(u)) };
}
