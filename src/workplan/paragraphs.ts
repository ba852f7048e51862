/**
 * The paragraphs of a plan → tasks. An item is a numbered paragraph (or, before unit lines, a plain one) with the
 * paragraphs under it; it becomes a task when a unit clause closes it: in brackets at the end of its own text
 * ("（责任单位：X）"), at the end of its last paragraph, or on the lines below ("牵头单位：X", blank lines between).
 * Several tasks in one paragraph each end with their own clause. Numbered items without units are headings:
 * the category of the tasks under them.
 */
import type { PlanParagraph, PlanTask } from './types.js';
import { findClauses, headingLead, sentenceRoles, unitLineContent, type FoundClause } from './clauses.js';
import { cleanText, firstSentenceEnd, headingMarker, INLINE_LEVEL, lastSpacedItemStart, type Marker } from './headings.js';
import { deadlineInField } from './deadline.js';
import { addTask, brief, dropHeadings, placeOf, setHeading, type ImportContext } from './import-context.js';
import { isSectionHeading, mentionsUnits } from './mentions.js';
import { parsePhase } from './phases.js';
import { adoptStandingRules } from './standing-units.js';
import { shortTitle } from './titles.js';
import { parseUnitClauses, readFieldLine, type UnitClause } from './unit-clause.js';

interface Para {
  text: string;
  line: number;
  /** The list marker, or a Word heading's level as a marker of no length. */
  marker: Marker | null;
  heading: boolean;
  clauses: FoundClause[];
  /** The clause text when the whole paragraph is a unit line. */
  unitLine: string | null;
  /** A time or leader line without units. */
  field: boolean;
}

/** An item waiting for its units: a numbered paragraph and the paragraphs under it, or a plain paragraph. */
interface OpenItem {
  first: Para;
  body: Para[];
  /** Field lines ("牵头领导：张三") between the item and its unit lines. */
  fields: string[];
  /** True when the item has a number (it may be a heading) rather than being plain text. */
  numbered: boolean;
  /** Whether a task was read under it (it was a heading of tasks). */
  parent: boolean;
}

/** Reads the tasks, headings and phases of consecutive paragraphs into the context. */
export function readParagraphs(paragraphs: readonly PlanParagraph[], ctx: ImportContext): void {
  const paras = analyse(paragraphs, ctx);
  const taskLevels = levelsWithUnits(paras);
  const groups = subItemGroups(paras);
  const summaries = summaryItems(paras);
  let open: OpenItem | null = null;
  // True right after a paragraph whose own clauses gave tasks: a unit line under it adds to its last task.
  let afterClauses = false;

  const close = (item: OpenItem | null, children: boolean): void => {
    if (item === null) return;
    if (item.numbered && !item.parent && !children && taskWithoutClause(ctx, item)) {
      taskLevels.add(item.first.marker?.level ?? 0);
      return;
    }
    const prose = item.numbered ? item.body : [item.first, ...item.body];
    for (const p of prose) if (mentionsUnits(p.text)) unrecognized(ctx, p, '提到了单位，但没有找到对应的任务和分工');
    const level = item.first.marker?.level ?? 0;
    // A phase, or an item under a section such as 保障措施, is not a task that lost its units.
    const inSection = [...ctx.headings, headingText(item.first)].some((heading) => heading && isSectionHeading(heading));
    if (item.numbered && !item.parent && !children && taskLevels.has(level) && !inSection && !parsePhase(item.first.text)) {
      const named = mentionsUnits(item.first.text);
      unrecognized(ctx, item.first, named ? '提到了单位，但没有写成分工说明（如“（责任单位：…）”），未生成任务' : '像是一项任务，但没有写明责任单位');
    }
  };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.text === '') continue;
    adoptStandingRules(p.text, ctx.standing);
    // A sub-item of an item whose last sub-item carries the units: part of the item's text.
    if (groups.members.has(i) && open) {
      open.body.push(p);
      continue;
    }
    if (p.unitLine !== null) {
      const contents = [...(open?.fields ?? []), p.unitLine];
      // The task's other unit and field lines, with blank lines between.
      while (i + 1 < paras.length && (paras[i + 1].text === '' || paras[i + 1].unitLine !== null || paras[i + 1].field)) {
        i++;
        adoptStandingRules(paras[i].text, ctx.standing);
        if (paras[i].text !== '') contents.push(paras[i].unitLine ?? paras[i].text);
      }
      // A bare list of bodies in brackets on a line of its own is read as all leading (see unitLineContent).
      const clause = parseUnitClauses(contents, ctx) ?? parseUnitClauses([p.unitLine], ctx) ?? parseUnitClauses([p.unitLine], { ...ctx, bare: true, strict: true })!;
      adoptFirstLeads(ctx, clause);
      if (open === null && afterClauses && clause.kind === 'units') addUnits(ctx.tasks.at(-1)!, clause);
      else taskFromItem(ctx, open, p, clause);
      open = null;
      afterClauses = false;
      continue;
    }
    if (p.field) {
      if (open) open.fields.push(p.text);
      else attachField(ctx, p.text);
      continue;
    }
    if (p.clauses.length > 0 && !summaries.has(i)) {
      const merge =
        open !== null && open.numbered && open.body.length > 0 && (groups.closing.has(i) || (p.marker === null && taskLevels.has(open.first.marker?.level ?? -1)));
      if (open && !merge) {
        open.parent = true;
        close(open, true);
      }
      if (p.marker) dropHeadings(ctx, p.marker.level);
      if (merge) dropHeadings(ctx, open!.first.marker!.level);
      const before = ctx.tasks.length;
      readClauses(ctx, p, merge ? [ownText(open!.first), ...open!.body.map((b) => b.text)] : [], merge ? open!.first.line : p.line);
      open = null;
      afterClauses = ctx.tasks.length > before;
      continue;
    }
    afterClauses = false;
    const phase = parsePhase(p.text);
    if (phase) ctx.phases.push(phase);
    if (p.marker || p.heading) {
      const level = p.marker?.level ?? 1;
      close(open, open !== null && (open.first.marker?.level ?? 0) < level);
      if (level !== INLINE_LEVEL) setHeading(ctx, level, phase ? phase.name : headingText(p));
      open = { first: p, body: [], fields: [], numbered: true, parent: false };
    } else if (open) {
      open.body.push(p);
    } else {
      open = { first: p, body: [], fields: [], numbered: false, parent: false };
    }
  }
  close(open, false);
}

// "【牵头单位】X【配合单位】Y": keys written as headings in brackets, read as "牵头单位：X配合单位：Y".
const KEY_IN_BRACKETS = /[【〔［[]((?:牵头|责任|主办|主责|配合|协办|协助|参与|协同)(?:责任)?(?:单位|部门)|(?:责任|牵头|分管)领导|完成时限|完成时间|时间节点)[】〕］\]]\s*/g;

/** Markers (item numbers counted in order), clauses, unit and field lines of every paragraph. */
function analyse(paragraphs: readonly PlanParagraph[], ctx: ImportContext): Para[] {
  let previous: number | null = null;
  return paragraphs.map((paragraph) => {
    const text = paragraph.text.trim().replace(KEY_IN_BRACKETS, '$1：');
    const heading = paragraph.heading !== undefined;
    const marker = text === '' ? null : headingMarker(text, previous);
    // Items are counted again under each new heading above them.
    if (marker?.level === 3) previous = marker.number;
    else if (marker && marker.level < 3) previous = 0;
    const styled = marker ?? (heading ? { level: paragraph.heading!, length: 0, number: null } : null);
    const unitLine = text === '' ? null : unitLineContent(text, ctx);
    const field = unitLine === null && text !== '' && readFieldLine(text) !== null;
    const clauses = unitLine === null && !field && text !== '' ? findClauses(text, ctx) : [];
    for (const found of clauses) adoptFirstLeads(ctx, found.clause);
    return { text, line: paragraph.line, marker: styled, heading, clauses, unitLine, field };
  });
}

/** "列第一位者为牵头单位，下同" holds for every clause after the one that says it. */
function adoptFirstLeads(ctx: ImportContext, clause: UnitClause): void {
  if (clause.kind !== 'units' || clause.firstLeads !== 'from-here') return;
  ctx.firstLeads = true;
  ctx.firstGroupLeads = clause.firstGroup === true;
}

/**
 * Numbered items with a clause of their own whose sub-items name their own units ("（一）……（财政部等按职责分工负责）
 * 具体措施：1．……（财政部牵头）"): the sub-items are the tasks, the item sums them up and is their heading.
 */
function summaryItems(paras: readonly Para[]): Set<number> {
  const summaries = new Set<number>();
  paras.forEach((p, i) => {
    const level = p.marker?.level;
    if (level === undefined || level === INLINE_LEVEL || p.clauses.length === 0) return;
    for (let j = i + 1; j < paras.length; j++) {
      const below = paras[j].marker?.level;
      if (below === undefined || below === INLINE_LEVEL) continue;
      // Its first sub-item is numbered 1: "(8)" after "7、" is the next item numbered another way.
      if (below <= level || paras[j].marker?.number !== 1) return;
      if (paras[j].clauses.length > 0 || paras[j + 1]?.unitLine) summaries.add(i);
      return;
    }
  });
  return summaries;
}

/**
 * Items whose sub-items ("1.", "2.", "3.") name no units but the last, which does: the units are the item's, and its
 * sub-items are its text ("（三）加强XX。 1.…； 2.…。（责任单位：X）"). Not for top-level sections (一、二、), whose
 * last item's units are that item's own. Returns the sub-items' paragraphs and the closing ones.
 */
function subItemGroups(paras: readonly Para[]): { members: Set<number>; closing: Set<number> } {
  const members = new Set<number>();
  const closing = new Set<number>();
  for (let i = 0; i < paras.length; i++) {
    const parent = paras[i].marker;
    if (!parent || parent.level < 2 || parent.level === INLINE_LEVEL || paras[i].clauses.length > 0) continue;
    let end = i + 1;
    while (end < paras.length && !((paras[end].marker?.level ?? INLINE_LEVEL + 1) <= parent.level) && paras[end].unitLine === null) end++;
    const inside = paras.slice(i + 1, end).map((p, k) => ({ p, k: i + 1 + k })).filter(({ p }) => p.text !== '');
    const childLevel = inside.reduce((level, { p }) => Math.min(level, p.marker?.level ?? level), INLINE_LEVEL + 1);
    const children = inside.filter(({ p }) => p.marker?.level === childLevel);
    const last = inside.at(-1);
    const lastChild = children.at(-1);
    if (children.length < 2 || !last || last !== lastChild || paras[end]?.unitLine) continue;
    if (inside.some(({ p }, n) => (n < inside.length - 1 ? p.clauses.length > 0 || p.field : false)) || last.p.clauses.length !== 1) continue;
    for (const { k } of inside.slice(0, -1)) members.add(k);
    closing.add(last.k);
  }
  return { members, closing };
}

/** Levels at which numbered items carry their own units: items at these levels are tasks, not headings. */
function levelsWithUnits(paras: readonly Para[]): Set<number> {
  const levels = new Set<number>();
  // Per level: items whose plain paragraphs end with the only clause (closed by it), and items heading several clauses.
  const closed = new Map<number, number>();
  const heading = new Map<number, number>();
  const count = (map: Map<number, number>, level: number) => map.set(level, (map.get(level) ?? 0) + 1);
  let lastLevel: number | null = null;
  let span: Para[] = [];
  const endSpan = (): void => {
    const clauses = span.filter((p) => p.clauses.length > 0).length;
    if (lastLevel !== null && span.length > 1 && clauses === 1 && span.at(-1)!.clauses.length > 0) count(closed, lastLevel);
    else if (lastLevel !== null && clauses > 1) count(heading, lastLevel);
    span = [];
  };
  for (const p of paras) {
    if (p.text === '') continue;
    if (p.unitLine !== null && lastLevel !== null) levels.add(lastLevel);
    if (p.marker) {
      endSpan();
      lastLevel = p.marker.level;
      if (p.clauses.length > 0) levels.add(p.marker.level);
      else continue;
    }
    span.push(p);
  }
  endSpan();
  for (const [level, n] of closed) if (n > (heading.get(level) ?? 0)) levels.add(level);
  return levels;
}

// A deadline in brackets right after a clause belongs to its task: "（责任单位：X）（2024年6月底前完成）".
const BRACKETED_DEADLINE = /^\s*[（(]([^（）()]*)[）)][。；;，,]?/;

/**
 * The tasks of a paragraph with clauses: the text before each clause is a task (after it, when the paragraph opens
 * with its clause); `before` is an item the first clause completes.
 */
function readClauses(ctx: ImportContext, p: Para, before: string[], line: number): void {
  const clauses = p.clauses;
  // gaps[i] is the text before clause i; gaps[n] the text after the last.
  // A sub-item completing its item keeps its number in the item's text; a task's own number is left out.
  const own = before.length > 0 ? 0 : (p.marker?.length ?? 0);
  const gaps = clauses.map((found, i) => p.text.slice(i === 0 ? own : clauses[i - 1].end, found.start));
  gaps.push(p.text.slice(clauses.at(-1)!.end));
  const leading = before.length === 0 && cleanText(gaps[0]) === '' && cleanText(gaps.at(-1)!) !== '';
  let previous: PlanTask | null = null;
  for (const [i, found] of clauses.entries()) {
    const dueFields: string[] = [];
    const after = BRACKETED_DEADLINE.exec(gaps[i + 1]);
    if (!leading && after && deadlineInField(after[1], ctx.year).due !== undefined) {
      dueFields.push(after[1]);
      gaps[i + 1] = gaps[i + 1].slice(after[0].length);
    }
    const segment = leading ? gaps[i + 1] : ownItem(ctx, p, gaps[i], before.length > 0);
    if (leading) gaps[i + 1] = '';
    const texts = i === 0 ? [...before, segment] : [segment];
    if (found.clause.kind === 'external') {
      ctx.problems.push(`${placeOf(ctx, p.line)}：工作分工见外部文件，未生成任务（${brief(shortTitle(texts[0]))}；${found.clause.ref}）`);
      continue;
    }
    const clause = found.clause;
    if (cleanText(segment) === '' && i > 0 && previous) {
      // "（牵头单位：X）（配合单位：Y）": a second clause adds to the task before it.
      addUnits(previous, clause);
      continue;
    }
    if (texts.every((t) => cleanText(t) === '')) {
      unrecognized(ctx, p, '分工说明前面没有任务内容，未生成任务');
      continue;
    }
    const draft = draftOf(ctx, texts, clause, i === 0 ? line : p.line);
    draft.dueFields.push(...dueFields);
    previous = addTask(ctx, draft);
  }
  const rest = cleanText(gaps.at(-1)!);
  if (rest.length > 8 && mentionsUnits(rest)) unrecognized(ctx, p, '分工说明之后的文字提到了单位，但没有对应的分工说明');
  // "……（责任单位：X），确保年底前完成": words after the clause are still the task's.
  else if (!leading && previous && rest !== '') previous.detail = `${previous.detail}${gaps.at(-1)!.trim()}`;
}

/**
 * The text a clause closes, from its item's number when items run together in one paragraph after prose ("请抓好落实。
 * 一、主要目标 1、生产总值增长8%（…）"): the prose before is not the task's (its headings are kept as
 * categories, its mentions of units listed).
 */
function ownItem(ctx: ImportContext, p: Para, gap: string, completing: boolean): string {
  const start = completing ? -1 : lastSpacedItemStart(gap);
  if (start <= 0) return gap;
  const prose = gap.slice(0, start);
  for (const piece of prose.split(/\s+/)) {
    const marker = headingMarker(piece);
    if (marker && marker.level <= 2 && !/[。；;]/.test(piece)) setHeading(ctx, marker.level, cleanText(piece));
  }
  if (mentionsUnits(prose)) unrecognized(ctx, p, '提到了单位，但没有找到对应的任务和分工');
  return gap.slice(start);
}

/** A further clause of a task ("（配合单位：Y）" on the next line) adds its units and leaders. */
function addUnits(task: PlanTask, clause: Extract<UnitClause, { kind: 'units' }>): void {
  for (const name of clause.lead) if (!task.lead.includes(name)) task.lead.push(name);
  for (const name of clause.assist) if (!task.assist.includes(name) && !task.lead.includes(name)) task.assist.push(name);
  for (const name of clause.leader) if (!task.leader.includes(name)) task.leader.push(name);
}

/** The task of an item closed by unit lines; without an item, the unit lines stand alone and are listed. */
function taskFromItem(ctx: ImportContext, open: OpenItem | null, unitLine: Para, clause: UnitClause): void {
  if (clause.kind === 'external') {
    ctx.problems.push(`${placeOf(ctx, unitLine.line)}：工作分工见外部文件，未生成任务（${clause.ref}）`);
    return;
  }
  if (open === null) {
    unrecognized(ctx, unitLine, '分工说明前面没有任务内容，未生成任务');
    return;
  }
  // A plain paragraph before unit lines is the task; earlier plain paragraphs were prose.
  const item = open.numbered ? [open.first, ...open.body] : [open.body.at(-1) ?? open.first];
  if (!open.numbered) for (const p of [open.first, ...open.body].slice(0, -1)) if (mentionsUnits(p.text)) unrecognized(ctx, p, '提到了单位，但没有找到对应的任务和分工');
  if (open.numbered && open.first.marker) dropHeadings(ctx, open.first.marker.level);
  addTask(ctx, draftOf(ctx, item.map((p, i) => (i === 0 ? ownText(p) : p.text)), clause, item[0].line));
}

/**
 * An item without a unit clause whose units are given otherwise: by a sentence opening by giving the work ("（三）加强
 * 督查考核。由县委办牵头，定期……"), else by an enclosing heading that names its lead ("一、县示范区管委会牵头工作（8项）"
 * over "1.建设……"). Its text is kept whole. False when neither names units.
 */
function taskWithoutClause(ctx: ImportContext, item: OpenItem): boolean {
  const texts = [ownText(item.first), ...item.body.map((p) => p.text)];
  const clause = texts.map((text) => sentenceRoles(text, ctx)).find((found) => found !== null) ?? leadOfHeadings(ctx, item.first.marker?.level ?? 0);
  if (!clause) return false;
  if (item.first.marker) dropHeadings(ctx, item.first.marker.level);
  addTask(ctx, draftOf(ctx, texts, clause, item.first.line));
  return true;
}

/** The units the nearest enclosing heading above `level` names as the lead of its items, else undefined. */
function leadOfHeadings(ctx: ImportContext, level: number) {
  // Array.from: the headings of levels the plan skipped are holes, which map() would keep.
  return Array.from(ctx.headings.slice(0, Math.max(0, level - 1)), (heading) => (heading ? headingLead(heading, ctx) : null)).findLast((found) => found !== null) ?? undefined;
}

function draftOf(ctx: ImportContext, texts: string[], clause: Extract<UnitClause, { kind: 'units' }>, line: number) {
  return {
    texts,
    lead: [...clause.lead],
    assist: [...clause.assist],
    leader: [...clause.leader],
    dueFields: clause.due === undefined ? [] : [clause.due],
    line,
    place: placeOf(ctx, line),
  };
}

/** A field line after a task ("完成时限：…", "责任领导：…") adds to the last task. */
function attachField(ctx: ImportContext, text: string): void {
  const task = ctx.tasks.at(-1);
  const field = readFieldLine(text);
  if (!task || !field) return;
  task.leader.push(...field.leader.filter((name) => !task.leader.includes(name)));
}

/** The paragraph's text after its number: the number is read once, in order ("11.121人才梯队" is item 11). */
function ownText(p: Para): string {
  return p.text.slice(p.marker?.length ?? 0);
}

/** A heading's text: its first sentence without the number ("（一）加大稳岗支持力度。对……" → 加大稳岗支持力度). */
function headingText(p: Para): string {
  const body = p.text.slice(p.marker?.length ?? 0);
  return cleanText(body.slice(0, firstSentenceEnd(body))).replace(/[（(]\s*[\d.]+\s*分\s*[）)]$/, '');
}

function unrecognized(ctx: ImportContext, p: Para, reason: string): void {
  ctx.unrecognized.push({ line: p.line, place: placeOf(ctx, p.line), text: brief(p.text), reason });
}
