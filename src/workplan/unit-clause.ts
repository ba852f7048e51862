/**
 * Reading the division-of-work clause of a plan item: keyed ("牵头单位：X；配合单位：Y", "牵头考核单位：X"), by role
 * word ("X牵头，Y、Z配合", "X、Y负责"), a rule about the first unit ("列第一位者为牵头单位，下同"), the leaders in
 * charge ("责任领导：张三"), a deadline among the pieces ("6月底完成") and a pointer to another document.
 */
import { ROLE_WORDS, unitRoles, type UnitRole } from '../ledger/unit-roles.js';
import { isStandingRulePiece } from './standing-units.js';
import { topLevelPieces } from './top-level.js';
import { isGenericUnit, isPersonName, joinBrokenNames, looksLikePerson, looksLikeUnit, splitEtc, tidyNames, unifyBrackets, unitNames } from './unit-names.js';

/** "列第一位者为牵头单位": in this clause (and, with 下同, every later one) the first unit leads and the rest assist. */
export type FirstLeads = 'clause' | 'from-here';

export type UnitClause =
  | { kind: 'units'; lead: string[]; assist: string[]; leader: string[]; due?: string; firstLeads?: FirstLeads; firstGroup?: true }
  | { kind: 'external'; ref: string };

/** What a clause is read with: names known to the office (to split glued names) and whether the first unit leads. */
export interface ClauseContext {
  known?: ReadonlySet<string>;
  /** A "下同" rule stated earlier in the plan. */
  firstLeads?: boolean;
  /** With firstLeads: the rule names the units before the first comma ("第一个逗号前为牵头单位"), not the first unit. */
  firstGroupLeads?: boolean;
  /** Only names that look like bodies ("市发改委", "各区"): for a clause without brackets, where prose is near. */
  strict?: boolean;
  /** A bare list of bodies ("（省发展改革委、省财政厅）" closing an item) names the task's units, all leading. */
  bare?: boolean;
}

// Role words of plans beyond a ledger cell's: "X牵头落实", "X为牵头单位", "Y配合实施"; longest first.
const PLAN_ROLE_WORDS: readonly [string, UnitRole][] = ([
  ...ROLE_WORDS,
  ['为牵头单位', 'strongLead'], ['为牵头部门', 'strongLead'], ['为主办单位', 'strongLead'], ['为责任单位', 'lead'], ['为责任部门', 'lead'],
  ['为配合单位', 'assist'], ['为配合部门', 'assist'], ['为协办单位', 'assist'], ['为参与单位', 'assist'],
  ['牵头落实', 'strongLead'], ['牵头实施', 'strongLead'], ['牵头推进', 'strongLead'], ['牵头组织', 'strongLead'],
  ['分别牵头', 'strongLead'], ['共同牵头', 'strongLead'], ['联合牵头', 'strongLead'],
  ['负责落实', 'lead'], ['负责实施', 'lead'], ['负责推进', 'lead'], ['具体实施', 'lead'], ['按职责落实', 'lead'], ['分工落实', 'lead'],
  ['按职能分工负责', 'lead'], ['按职能职责负责', 'lead'], ['共同推进', 'lead'],
  ['配合落实', 'assist'], ['配合实施', 'assist'], ['协助落实', 'assist'], ['参与实施', 'assist'], ['协同推进', 'assist'],
] as [string, UnitRole][]).sort((a, b) => b[0].length - a[0].length);

// "部门分工：X牵头，Y配合": a key whose units say their roles themselves.
const KEY_ROLE: Record<string, UnitRole | null> = {
  部门分工: null, 责任分工: null, 任务分工: null,
  牵头: 'strongLead', 主办: 'strongLead', 主责: 'strongLead', 责任: 'lead', 承办: 'lead', 实施: 'lead',
  协助: 'assist', 配合: 'assist', 协办: 'assist', 参与: 'assist', 协同: 'assist', 协作: 'assist', 支撑: 'assist',
};
// "牵头单位：", "牵头责任单位：", "协同责任单位：", "牵头考核单位：", "主要责任单位：", "协同配合单位：", "部门分工：", and
// the short "主办：X 协办：Y" in brackets.
const UNIT_KEY = '(?:主要|具体|直接)?(牵头|主办|主责|责任|承办|实施|协助|配合|协办|参与|协同|协作|支撑|部门分工|责任分工|任务分工)(?:责任|考核|落实|实施|配合)?(?:单位|部门|处室|主体)?';
const LEADER_KEY = '(?:牵头负责|牵头|责任|分管|联系|包抓|挂帅|督导|领衔)(?:省|市|县|区|镇|乡)?领导|牵头人|责任人|联系人';
const TIME_KEY = '(?:完成|办结|计划完成)?(?:时限|时间节点|时间|期限)';
// "责任单位和责任人：县人社局王明": units, each followed by the person answering for it.
const WITH_PEOPLE = '(?:和|及|与|、|/)(?:责任人|负责人|联系人|责任领导)';
const KEY = new RegExp(`(?:${UNIT_KEY}(${WITH_PEOPLE})?|(${LEADER_KEY})|(${TIME_KEY}))\\s*[：:]`, 'g');
const LEADING_KEY = new RegExp(`^\\s*${KEY.source}`);
const EXTERNAL = /^(?:具体)?(?:工作|责任|任务)?分工(?:详)?见/;
// The rule stated once: "排在第一位的部门为牵头部门", "列第一位者为牵头单位", "第一个为牵头单位"; "下同": from here on.
const FIRST_RULE = /^(?:其中)?(?:排在|列|排名|位列)?第一(?:位|个|名)?(?:的|者)?(?:单位|部门)?为牵头(?:或[^，,；;]{1,4}?)?(?:单位|部门)?(下同)?$/;
// "除标注“分别牵头”外": the exception the rule states, read by the role words where it applies.
const RULE_EXCEPTION = /^除(?:标注|注明|标明)?[^，,；;]{0,12}外$/;
// "第一个逗号前为牵头单位": the units before the first comma lead, the rest assist; what follows it explains it.
const FIRST_GROUP_RULE = /^(?:其中)?第一个?(?:逗号|，|,)(?:之|以)?前(?:的)?(?:单位|部门)?为牵头(?:单位|部门)?(下同)?$/;
const FIRST_GROUP_NOTE = /^多个牵头(?:单位|部门)/;
const LATER_TOO = /^(?:下同|以下同)$/;
// A deadline among the role pieces: "2024年12月底前完成", "6月底完成", "12月取得明显成效并持续推进", "持续推进".
const DEADLINE_PIECE = /^(?:于|在)?(?:(?:\d{4}年)?(?:\d{1,2}月|年|上半年|下半年|第?[一二三四1-4]季度|底|末)[^，,；;]*|(?:持续|长期|常态化)[^，,；;]{0,8}|长期坚持|每[年季月][^，,；;]*)$/;
// Text that cannot be a list of units: a sentence, a colon, a date, a number.
// "省推进“三地一区”建设领导小组": a short quoted part of a body's name.
const QUOTED_NAME_PART = /“[^“”]{1,10}”/g;
const NOT_UNITS = /[。：:“”《》]|\d{4}年|\d+(?:个|项|万|%)/;
const MAX_NAME = 30;
const SEPARATORS = /[，,；;。]/;

type Part = [UnitRole | null, string];

/** The clause's units (and leaders, deadline, rule), a pointer to another document, or null when it is not a unit clause. */
export function parseUnitClause(content: string, ctx: ClauseContext = {}): UnitClause | null {
  return parseUnitClauses([content], ctx);
}

/** Several division-of-work lines of one task read together ("牵头单位：X" then "责任单位：Y"), or null if one is unreadable. */
export function parseUnitClauses(contents: string[], ctx: ClauseContext = {}): UnitClause | null {
  const parts: Part[] = [];
  const leader: string[] = [];
  let due: string | undefined;
  let firstLeads: FirstLeads | undefined;
  let firstGroup = false;
  let named = false;
  for (const content of contents) {
    const text = unifyBrackets(content.trim());
    if (EXTERNAL.test(text)) return { kind: 'external', ref: text };
    const read = readClause(text);
    if (read === null) return null;
    parts.push(...read.parts);
    leader.push(...read.leader);
    due ??= read.due;
    firstLeads = read.firstLeads ?? firstLeads;
    firstGroup ||= read.firstGroup ?? false;
    named ||= read.named;
  }
  if (!named && !ctx.bare) return null;
  const group = firstLeads !== undefined ? firstGroup : (ctx.firstLeads ?? false) && (ctx.firstGroupLeads ?? false);
  const rule = firstLeads !== undefined || (ctx.firstLeads ?? false) ? (group ? 'group' : 'unit') : null;
  const units = assignRoles(parts, named ? ctx : { ...ctx, strict: true }, rule);
  if (units === null || (!named && units.lead.length === 0)) return null;
  const { people, ...roles } = units;
  return { kind: 'units', ...roles, leader: [...new Set([...leader, ...people])], ...(due === undefined ? {} : { due }), ...(firstLeads ? { firstLeads } : {}), ...(firstGroup ? { firstGroup: true as const } : {}) };
}

/** The units of a table's unit cell: by its own words ("区经发局牵头，区财金局", "牵头单位：X\n配合单位：Y"), else all in the column's role. */
export function readUnitCell(cell: string, role: 'lead' | 'assist', ctx: ClauseContext = {}): { lead: string[]; assist: string[]; leader: string[] } {
  const text = joinBrokenNames(cell);
  const clause = parseUnitClause(text.replace(/\s*\n\s*/g, '，'), { known: ctx.known });
  if (clause?.kind === 'units') {
    return role === 'lead' ? clause : { lead: [], assist: [...clause.lead, ...clause.assist], leader: clause.leader };
  }
  const names = unitNames(text, ctx.known);
  if (role === 'assist') return { lead: [], assist: names, leader: [] };
  // "排在第一位的为牵头单位" said in the plan: a plain list's first unit leads.
  return ctx.firstLeads && !ctx.firstGroupLeads ? { lead: names.slice(0, 1), assist: names.slice(1), leader: [] } : { lead: names, assist: [], leader: [] };
}

// A unit key after a separator: where a keyed clause without brackets starts ("……。牵头单位：市发改委").
const UNIT_KEY_AFTER = new RegExp(`(?:^|[。；;，,\\s])(?=${UNIT_KEY}\\s*[：:])`);
// The first-unit rule stated in the plan's own words ("各项任务中排在第一位的为牵头单位").
const FIRST_RULE_PROSE = /(?:排在|列|排名|位列)第一(?:位|个|名)?(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;

/** Where a keyed clause without brackets starts in a paragraph ("……。牵头单位：X；配合单位：Y"), or -1. */
export function keyedTailStart(text: string): number {
  const m = UNIT_KEY_AFTER.exec(text);
  if (!m) return -1;
  return m.index + m[0].length;
}

/** True when the text states that the first unit of a list leads. */
export function statesFirstLeads(text: string): boolean {
  return FIRST_RULE_PROSE.test(text);
}

/** True when the text starts with a unit, leader or time key ("牵头单位：", "责任领导：", "完成时限："). */
export function startsWithKey(text: string): boolean {
  return LEADING_KEY.test(text);
}

/** A task's field line without units ("完成时限：2024年9月30日", "牵头领导：张三"): its leaders and deadline, else null. */
export function readFieldLine(text: string): { leader: string[]; due?: string } | null {
  const line = text.trim();
  if (!startsWithKey(line)) return null;
  const read = readClause(line);
  if (read === null || read.named) return null;
  return read.due === undefined ? { leader: read.leader } : { leader: read.leader, due: read.due };
}

interface Read {
  parts: Part[];
  leader: string[];
  due?: string;
  firstLeads?: FirstLeads;
  firstGroup?: boolean;
  /** True when a unit key or a role word named units (a bare list in brackets is not a clause). */
  named: boolean;
}

// "责任单位：X、Y（除标注“分别牵头”外，列第一位为牵头单位，下同）": the rule in brackets after the units.
const BRACKETED_RULE = /[（(]([^（）()]*第一[^（）()]*)[）)]\s*$/;

/** One clause's pieces: the text before the first key read by role words, then each key's text. */
function readClause(clause: string): Read | null {
  const rule = BRACKETED_RULE.exec(clause);
  const text = rule ? `${clause.slice(0, rule.index)}，${rule[1]}` : clause;
  const read: Read = { parts: [], leader: [], named: false };
  const keys = [...text.matchAll(KEY)];
  const segments: { key: RegExpMatchArray | null; body: string }[] = [{ key: null, body: text.slice(0, keys[0]?.index ?? text.length) }];
  keys.forEach((key, i) => segments.push({ key, body: text.slice(key.index! + key[0].length, keys[i + 1]?.index ?? text.length) }));
  for (const { key, body } of segments) {
    if (key?.[3] !== undefined) {
      read.leader.push(...people(body));
      continue;
    }
    if (key?.[4] !== undefined) {
      read.due ??= body.replace(/[，,；;。\s]+$/, '').trim();
      continue;
    }
    const keyRole = key ? KEY_ROLE[key[1]] : null;
    if (key) read.named = true;
    const units = key?.[2] === undefined ? body : withoutPeople(body, read.leader);
    if (!readPieces(units, keyRole, read)) return null;
  }
  return read;
}

/** The pieces of one segment (between separators); false when a piece is neither units, a deadline nor the rule. */
function readPieces(body: string, keyRole: UnitRole | null, read: Read): boolean {
  let role = keyRole;
  for (const piece of topLevelPieces(body, SEPARATORS)) {
    const part = piece.trim();
    if (part === '') continue;
    const rule = FIRST_RULE.exec(part) ?? FIRST_GROUP_RULE.exec(part);
    if (rule) {
      read.firstLeads = rule[1] || /下同/.test(body.slice(body.indexOf(part) + part.length)) ? 'from-here' : 'clause';
      read.firstGroup = FIRST_GROUP_RULE.test(part);
      continue;
    }
    if ((read.firstGroup && FIRST_GROUP_NOTE.test(part)) || RULE_EXCEPTION.test(part)) continue;
    // "以下各项均需各镇人民政府配合，不再一一列出": read by the paragraph reader, for every later task.
    if (isStandingRulePiece(part)) continue;
    if (LATER_TOO.test(part)) {
      if (read.firstLeads) read.firstLeads = 'from-here';
      continue;
    }
    if (DEADLINE_PIECE.test(part)) {
      read.due ??= part;
      continue;
    }
    const suffix = PLAN_ROLE_WORDS.find(([word]) => part.endsWith(word));
    if (suffix) {
      read.named = true;
      const units = part.slice(0, part.length - suffix[0].length);
      if (units !== '') read.parts.push(...worksWith(suffix[1], units));
      // After "X牵头", a following bare piece belongs to no key.
      role = keyRole;
      continue;
    }
    read.parts.push(...worksWith(role, part));
  }
  return read.parts.every(([, units]) => !NOT_UNITS.test(units.replace(QUOTED_NAME_PART, '')));
}

// "国家发展改革委、财政部会同有关部门负责": the units before 会同 lead, those they work with assist.
const WORKS_WITH = /^([^（）]+?)会同([^（）]+)$/;

/** A piece of units in its role, split where the units before 会同 lead and those after it assist. */
function worksWith(role: UnitRole | null, units: string): Part[] {
  const m = WORKS_WITH.exec(units);
  if (!m) return [[role, units]];
  return [[role === 'assist' ? 'assist' : 'strongLead', m[1]], ['assist', m[2]]];
}

/**
 * Lead and assisting units. A unit marked 牵头 leads, and beside it the 责任/负责 units assist; with the first-unit
 * rule the first unit leads and the rest assist (with the first-comma rule, the units before the first comma);
 * otherwise unmarked and 负责 units lead.
 */
function assignRoles(parts: Part[], ctx: ClauseContext, rule: 'unit' | 'group' | null): { lead: string[]; assist: string[]; people: string[] } | null {
  const marked = parts.some(([role]) => role === 'strongLead' || role === 'assist');
  const grouped: Part[] = rule === 'group' && !marked ? parts.map(([, text], i) => [i === 0 ? 'strongLead' : 'assist', text]) : parts;
  const firstLeads = rule === 'unit';
  const split: [UnitRole | null, string][] = [];
  for (const [role, text] of grouped) {
    const marked = unitRoles(splitEtc(text).join('、'));
    for (const name of marked.lead) split.push([role === 'assist' ? 'assist' : marked.strong ? 'strongLead' : role, name]);
    for (const name of marked.assist) split.push(['assist', name]);
  }
  // Names are made whole over the whole clause ("X，各区、县级市"), each keeping its role.
  const all = tidyNames(split, ctx.known);
  // "（县委常委、副县长张三负责，县发改局牵头）": the people in charge are leaders, not units.
  const people = all.filter(([, name]) => looksLikePerson(name)).map(([, name]) => name);
  const named = all.filter(([, name]) => !looksLikePerson(name));
  if (named.some(([, name]) => name.length > MAX_NAME || (ctx.strict && !looksLikeUnit(name)))) return null;
  const units = named.filter(([, name]) => !isGenericUnit(name) || named.length > 1);
  const hasStrongLead = units.some(([role]) => role === 'strongLead');
  const lead: string[] = [];
  const assist: string[] = [];
  units.forEach(([role, name], i) => {
    const isLead = firstLeads && !hasStrongLead ? i === 0 && role !== 'assist' : role === 'strongLead' || (role !== 'assist' && !hasStrongLead);
    (isLead ? lead : assist).push(name);
  });
  // "X、Y等有关部门负责": the departments named lead; "有关部门", whoever else it concerns, helps them.
  const generic = lead.some((name) => !isGenericUnit(name)) ? lead.filter(isGenericUnit) : [];
  const leading = lead.filter((name) => !generic.includes(name));
  return { lead: leading, assist: [...generic, ...assist].filter((u) => !leading.includes(u)), people };
}

/**
 * The units of a "责任单位和责任人" field, each name with the person after it taken off into `leader`
 * ("县人社局王明" → 县人社局, leader 王明).
 */
function withoutPeople(body: string, leader: string[]): string {
  return topLevelPieces(body, /[、，,；;\s]/)
    .map((piece) => piece.trim().replace(/[。]$/, ''))
    .filter((piece) => piece !== '')
    .map((piece) => {
      if (looksLikeUnit(piece)) return piece;
      // The longest unit name before a post and a name ("副局长李强"), else before a bare name of two or three characters.
      const splits = [...Array(piece.length).keys()].reverse().map((end) => [piece.slice(0, end), piece.slice(end)] as const);
      const split =
        splits.find(([unit, person]) => looksLikeUnit(unit) && looksLikePerson(person)) ??
        splits.find(([unit, person]) => looksLikeUnit(unit) && isPersonName(person));
      if (!split) return piece;
      leader.push(split[1]);
      return split[0];
    })
    .join('、');
}

/** People named in a leader field ("张三、李四副区长"). */
function people(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .map((name) => name.replace(/[。]$/, '').trim())
    .filter((name) => name !== '');
}
