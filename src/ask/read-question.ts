/**
 * Reading a question compositionally: normalise it, find its pieces with their spans (units, task numbers, time
 * windows, states, warnings, roles, what is asked, the asker's own unit, keywords from the ledger's texts), resolve
 * overlaps (the longer piece wins), then combine them into one Reading. Words left over are named, never guessed.
 */
import type { IsoDate, Ledger, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { chineseTermsFor } from './english-terms.js';
import { correctEnglishTypos } from './english-typos.js';
import { findKeywords, keywordIndex, type KeywordIndex } from './keywords.js';
import { normalizeQuestion } from './normalize.js';
import { findSpans, resolveOverlaps, type AskWord, type Piece, type Span } from './pieces/piece.js';
import { BARE_ID, TASK_REF_RULES } from './pieces/task-refs.js';
import { THRESHOLD_RULES } from './pieces/thresholds.js';
import { timeSpans } from './pieces/time-window.js';
import { WORD_RULES } from './pieces/words.js';
import type { Reading, Role, UnitMention } from './reading.js';
import { unitLexicon, type UnitHit } from './units/unit-lexicon.js';

export interface ReadContext {
  directory: UnitDirectory;
  ledger: Ledger;
  today: IsoDate;
  calendar: WorkCalendar;
}

/** Pieces that a keyword found in the ledger may cover: fillers, task nouns, conjunctions and bare unit cores. */
const SOFT = new Set<Piece['kind']>(['filler', 'noun', 'and', 'chat']);
/** A run left over that ends like a unit's name is meant as a unit ("区统计局", "医保局", "珠晖区"). */
const UNIT_ENDING = /(局|委|委员会|办|办公室|部|镇|乡|街道|中心|集团|公司|所|站|院|队|厅|处|管委会|区|县)$/u;
const UNIT_ENDING_EN = /\b(bureau|commission|committee|office|department|dept|agency|administration|authority|center|centre|group)s?$/;
const HAN = /\p{Script=Han}/u;

/** Longer messages are read up to here: no question is this long, and every step stays cheap. */
export const MAX_QUESTION_LENGTH = 1000;

/** Reads a chat message (Chinese or English) as a question about the ledger. */
export function readQuestion(message: string, ctx: ReadContext): Reading {
  const lexicon = unitLexicon(ctx.directory);
  const text = correctEnglishTypos(normalizeQuestion(message).slice(0, MAX_QUESTION_LENGTH), lexicon.englishVocabulary);
  // Only a mention or an emoji: nothing to understand, so the full help is shown.
  if (text === '') return { ...compose(text, []), ask: 'help', understood: false };
  const unitSpan = (hit: UnitHit, how: 'name' | 'short' | 'typo' | 'fragment'): Span => ({
    start: hit.start,
    end: hit.end,
    piece: { kind: 'unit', units: hit.units, said: hit.said, how },
    // A bare core ("城管") is as weak as a filler against a keyword from the ledger; a real name is strong.
    priority: hit.tier >= 1.5 ? 5 : 1,
  });
  const hard = resolveOverlaps([
    ...findSpans(text, WORD_RULES),
    ...findSpans(text, TASK_REF_RULES),
    ...findSpans(text, THRESHOLD_RULES),
    ...timeSpans(text, ctx),
    ...lexicon.scanChinese(text).map((hit) => unitSpan(hit, hit.tier === 3 ? 'name' : 'short')),
    ...lexicon.scanEnglish(text).map((hit) => unitSpan(hit, hit.tier === 3 ? 'name' : 'short')),
  ]);
  const spans = withTyposAcrossSoft(text, withKeywords(text, hard, ctx.ledger), lexicon);
  const leftovers = withLeftovers(text, spans, lexicon, keywordIndex(ctx.ledger));
  if (BARE_ID.test(text) && !leftovers.some((s) => s.piece.kind === 'task')) {
    leftovers.push({ start: 0, end: text.length, piece: { kind: 'task', id: BARE_ID.exec(text)![1] }, priority: 4 });
  }
  return compose(text, withWholeUnknownNames(text, leftovers.sort((a, b) => a.start - b.start)));
}

/**
 * "交通运输部", "市退役军人事务局": a bare core (交通), a keyword (退役军人) or a place (市) right before an unknown
 * unit-like rest (运输部, 事务局) is part of one unknown name, not a piece of its own.
 */
function withWholeUnknownNames(text: string, spans: Span[]): Span[] {
  const result: Span[] = [];
  const joins = (s: Span) => (s.piece.kind === 'unit' && s.priority < 5) || s.piece.kind === 'keyword' || (s.piece.kind === 'filler' && /^[市区县省]$/.test(text.slice(s.start, s.end)));
  for (const span of spans) {
    if (span.piece.kind !== 'unknownUnit') {
      result.push(span);
      continue;
    }
    let start = span.start;
    while (result.length > 0 && result[result.length - 1].end === start && joins(result[result.length - 1])) start = result.pop()!.start;
    result.push({ start, end: span.end, piece: { kind: 'unknownUnit', said: text.slice(start, span.end) }, priority: 5 });
  }
  return result;
}

/**
 * Adds keywords from the ledger's texts. Between the hard pieces, any run found in a title, category or note (a filler,
 * task noun or bare unit core may be inside it). Across hard pieces, only a run found in a title or category that is
 * longer than every piece it covers and cuts none ("城市更新" over 更新, "双江镇污水处理站" over 双江镇). A keyword
 * that is just one soft word ("项目", "城管") stays that word.
 */
function withKeywords(text: string, spans: Span[], ledger: Ledger): Span[] {
  const isSoft = (s: Span) => SOFT.has(s.piece.kind) || (s.piece.kind === 'unit' && s.priority < 5);
  // Which span holds each character (-1: none), so each keyword looks only at its own characters.
  const owner = new Int32Array(text.length).fill(-1);
  spans.forEach((s, i) => owner.fill(i, s.start, s.end));
  const coveredBy = (range: { start: number; end: number }): number[] => {
    const covers = new Set<number>();
    for (let i = range.start; i < range.end; i++) if (owner[i] >= 0) covers.add(owner[i]);
    return [...covers];
  };
  const index = keywordIndex(ledger);
  const keywords: Span[] = [];
  const dropped = new Set<number>();
  const take = (range: { start: number; end: number }, covers: number[]): void => {
    keywords.push({ start: range.start, end: range.end, piece: { kind: 'keyword', text: text.slice(range.start, range.end) }, priority: 6 });
    covers.forEach((i) => dropped.add(i));
    owner.fill(-2, range.start, range.end);
  };

  for (const found of findKeywords(text, 0, text.length, index.occursInHeads)) {
    const covers = coveredBy(found);
    const hard = covers.filter((i) => !isSoft(spans[i]));
    const fits = covers.every((i) => spans[i].start >= found.start && spans[i].end <= found.end && spans[i].end - spans[i].start < found.end - found.start);
    if (hard.length > 0 && fits && !hard.some((i) => spans[i].piece.kind === 'task') && HAN.test(text.slice(found.start, found.end))) take(found, covers);
  }

  let from = 0;
  const boundaries = spans.filter((s, i) => !isSoft(s) && !dropped.has(i));
  for (const boundary of [...boundaries, ...keywords, { start: text.length, end: text.length } as Span].sort((a, b) => a.start - b.start)) {
    for (const found of boundary.start > from ? findKeywords(text, from, boundary.start, index.occurs) : []) {
      const word = text.slice(found.start, found.end);
      const covered = coveredBy(found);
      if (covered.includes(-2)) continue;
      const soft = covered.map((i) => spans[i]);
      const justOneSoftWord = soft.length === 1 && soft[0].start <= found.start && soft[0].end >= found.end;
      const onlyFillers = soft.length > 0 && soft.every((s) => s.piece.kind !== 'unit') && soft.reduce((n, s) => n + Math.min(s.end, found.end) - Math.max(s.start, found.start), 0) >= found.end - found.start;
      if (HAN.test(word) && !justOneSoftWord && !onlyFillers) take(found, covered);
    }
    from = Math.max(from, boundary.end);
  }
  return [...spans.filter((_, i) => !dropped.has(i)), ...keywords].sort((a, b) => a.start - b.start);
}

/**
 * A typo of a unit name that runs over a soft word: "应及局" reads 及 as "and", but with the characters around it it
 * is 应急局. Only runs that hold some character no piece took are tried.
 */
function withTyposAcrossSoft(text: string, spans: Span[], lexicon: ReturnType<typeof unitLexicon>): Span[] {
  const soft = (s: Span) => s.piece.kind === 'filler' || s.piece.kind === 'and' || (s.piece.kind === 'chat' && s.priority >= 0) || (s.piece.kind === 'unit' && s.priority < 5);
  const covered = new Uint8Array(text.length);
  spans.forEach((s) => covered.fill(1, s.start, s.end));
  const typos: Span[] = [];
  let from = 0;
  for (const boundary of [...spans.filter((s) => !soft(s)), { start: text.length, end: text.length } as Span]) {
    const to = boundary.start;
    let loose = false;
    for (let i = from; i < to && !loose; i++) loose = covered[i] === 0 && HAN.test(text[i]);
    if (loose && to - from >= 3) {
      for (const hit of lexicon.scanTypos(text, from, to)) {
        let free = false;
        for (let i = hit.start; i < hit.end && !free; i++) free = covered[i] === 0;
        if (free && hit.units.length === 1) typos.push({ start: hit.start, end: hit.end, piece: { kind: 'unit', units: hit.units, said: hit.said, how: 'typo' }, priority: 5 });
      }
    }
    from = Math.max(from, boundary.end);
  }
  if (typos.length === 0) return spans;
  const kept = spans.filter((s) => !typos.some((t) => s.start < t.end && t.start < s.end));
  return [...kept, ...typos].sort((a, b) => a.start - b.start);
}

/**
 * What is left between the pieces: a unit name with a typo, a unit-like name matching no unit ("区统计局"), a fragment
 * of several units' names ("管理局"), or words not understood.
 */
function withLeftovers(text: string, spans: Span[], lexicon: ReturnType<typeof unitLexicon>, index: KeywordIndex): Span[] {
  const result = [...spans];
  const bounds = [...spans, { start: text.length, end: text.length } as Span];
  let from = 0;
  let previous: Span | null = null;
  for (const boundary of bounds) {
    let runStart = from;
    let runEnd = boundary.start;
    if (runEnd > runStart) {
      // "卫建委" read as 建委 with 卫 left over, "城管据" as 城管 with 据: the unit with its neighbour is a typo.
      const before = typoAcross(text, boundary, runStart, runEnd, 'before', lexicon);
      if (before) {
        result.splice(result.indexOf(boundary), 1, before);
        runEnd = before.start;
      }
      const after = previous ? typoAcross(text, previous, runStart, runEnd, 'after', lexicon) : null;
      if (after && previous) {
        result.splice(result.indexOf(previous), 1, after);
        runStart = after.end;
      }
    }
    if (runEnd > runStart) {
      const run = text.slice(runStart, runEnd);
      const start = runStart + (run.length - run.trimStart().length);
      const end = runEnd - (run.length - run.trimEnd().length);
      if (end > start) result.push(...leftoverSpans(text, start, end, lexicon, index));
    }
    from = Math.max(from, boundary.end);
    previous = boundary;
  }
  return result;
}

/**
 * A typo of a unit name made of a short-name span and up to two characters of the leftover run beside it (before or
 * after), or null.
 */
function typoAcross(text: string, span: Span, runStart: number, runEnd: number, side: 'before' | 'after', lexicon: ReturnType<typeof unitLexicon>): Span | null {
  if (span.piece?.kind !== 'unit' || span.piece.how === 'name') return null;
  const edge = side === 'before' ? span.start - 1 : span.end;
  if (edge < runStart || edge >= runEnd || !HAN.test(text[edge])) return null;
  const from = side === 'before' ? Math.max(runStart, span.start - 2) : span.start;
  const to = side === 'before' ? span.end : Math.min(runEnd, span.end + 2);
  const hit = lexicon
    .scanTypos(text, from, to)
    .find((h) => (side === 'before' ? h.start < span.start && h.end === span.end : h.start === span.start && h.end > span.end));
  if (hit && hit.units.length === 1) return { start: hit.start, end: hit.end, piece: { kind: 'unit', units: hit.units, said: hit.said, how: 'typo' }, priority: 5 };
  // "交通部" for 交通局: a bare core with another kind of ending is still that unit, said to be assumed.
  if (side === 'after' && span.priority < 5 && span.piece.units.length === 1 && KIND_CHAR.test(text[edge])) {
    return { start: span.start, end: edge + 1, piece: { ...span.piece, said: text.slice(span.start, edge + 1), how: 'typo' }, priority: 5 };
  }
  return null;
}

/** The last character of a unit's kind (局, 委, 办 …). */
const KIND_CHAR = /^[局委办部处所站院队厅镇乡]$/u;

/** Particles at the edges of a leftover run ("区税务局有" → "区税务局"), dropped before it is judged. */
const EDGE_PARTICLES = /^[的了有是在吗呢啊呀吧都还也就和与及要]+|[的了有是在吗呢啊呀吧都还也就和与及要]+$/gu;

function leftoverSpans(text: string, from: number, to: number, lexicon: ReturnType<typeof unitLexicon>, index: KeywordIndex): Span[] {
  const raw = text.slice(from, to);
  const trimmed = raw.replace(EDGE_PARTICLES, '');
  if (trimmed === '') return [];
  const start = from + raw.indexOf(trimmed);
  const end = start + trimmed.length;
  const said = trimmed;
  const typos = HAN.test(said) ? lexicon.scanTypos(text, start, end) : [];
  if (typos.length > 0) {
    const spans: Span[] = typos.map((hit) => ({ start: hit.start, end: hit.end, piece: { kind: 'unit', units: hit.units, said: hit.said, how: 'typo' }, priority: 5 }));
    let at = start;
    for (const hit of typos) {
      if (hit.start > at) spans.push(...leftoverSpans(text, at, hit.start, lexicon, index));
      at = hit.end;
    }
    if (end > at) spans.push(...leftoverSpans(text, at, end, lexicon, index));
    return spans;
  }
  const fragment = HAN.test(said) && said.length >= 2 ? lexicon.containing(said) : [];
  // "资源那边": a piece of a few units' names is meant as one of them (the candidates are offered); a piece that
  // fits one unit only names it when it is long enough to mean it ("务局" is not 商务局).
  if ((fragment.length > 1 && fragment.length <= 6) || (fragment.length === 1 && said.length >= 3)) {
    return [{ start, end, piece: { kind: 'unit', units: fragment, said, how: 'fragment' }, priority: 5 }];
  }
  if ((HAN.test(said) && UNIT_ENDING.test(said) && said.length >= 3) || (!HAN.test(said) && UNIT_ENDING_EN.test(said) && said.includes(' '))) {
    return [{ start, end, piece: { kind: 'unknownUnit', said }, priority: 5 }];
  }
  if (!HAN.test(said)) return englishWordSpans(text, start, end, index, lexicon);
  return [{ start, end, piece: { kind: 'chat' }, priority: -2 }];
}

/** English words left over: topic words the ledger has Chinese words for ("park", "Shuangyong"), or not understood. */
function englishWordSpans(text: string, from: number, to: number, index: KeywordIndex, lexicon: ReturnType<typeof unitLexicon>): Span[] {
  const spans: Span[] = [];
  for (const m of text.slice(from, to).matchAll(/[a-z][a-z0-9]*|\S+/g)) {
    const word = m[0];
    const start = from + m.index;
    const last = spans.at(-1);
    // "Danshui subdistrict": the kind word after a unit written in pinyin belongs to it.
    if (last?.piece.kind === 'unit' && UNIT_ENDING_EN.test(word) && /^(subdistrict|town|township|street|village|office|bureau|commission)s?$/.test(word)) {
      last.end = start + word.length;
      continue;
    }
    const places = word.length >= 4 && /^[a-z]+$/.test(word) ? lexicon.romanized(word) : [];
    if (places.length > 0) {
      spans.push({ start, end: start + word.length, piece: { kind: 'unit', units: places, said: word, how: 'short' }, priority: 5 });
      continue;
    }
    const terms = /^[a-z]/.test(word) ? chineseTermsFor(word).filter((t) => index.occurs(t)) : [];
    const found = terms.length > 0 ? terms : word.length >= 4 && /^[a-z]+$/.test(word) ? index.romanized(word) : [];
    spans.push(
      found.length > 0
        ? { start, end: start + word.length, piece: { kind: 'terms', said: word, terms: found }, priority: 5 }
        : { start, end: start + word.length, piece: { kind: 'chat' }, priority: -2 },
    );
  }
  return spans;
}

/** Combines the pieces, in text order, into a Reading. */
function compose(text: string, spans: Span[]): Reading {
  const reading: Reading = {
    text,
    units: [],
    joint: false,
    taskIds: [],
    keywords: [],
    termGroups: [],
    states: [],
    warnings: [],
    progressBelow: null,
    progressAtLeast: null,
    overdueBy: null,
    stale: null,
    window: null,
    dueSoon: false,
    noAssist: false,
    ask: 'list',
    candidates: [],
    unknownUnits: [],
    assumed: [],
    ignored: [],
    understood: true,
  };
  const asks = new Set<AskWord>();
  const mentions: { span: Span; mention: UnitMention }[] = [];
  let due = false;
  let soon = false;
  let doneQuestion = false;
  let nouns = 0;
  let chat = 0;
  for (const span of spans) {
    const piece = span.piece;
    const said = text.slice(span.start, span.end);
    switch (piece.kind) {
      case 'unit':
        if (piece.units.length === 1) {
          mentions.push({ span, mention: { unit: piece.units[0], role: 'any', said } });
          if (piece.how === 'typo' || piece.how === 'fragment' || (piece.how === 'short' && span.priority >= 5 && said !== piece.units[0])) {
            reading.assumed.push({ said: piece.said, unit: piece.units[0] });
          }
        } else {
          reading.candidates.push({ said: piece.said, units: piece.units });
        }
        break;
      case 'self':
        mentions.push({ span, mention: { self: true, role: 'any', said } });
        break;
      case 'unknownUnit':
        reading.unknownUnits.push(piece.said);
        break;
      case 'task':
        if (!reading.taskIds.includes(piece.id)) reading.taskIds.push(piece.id);
        break;
      case 'window':
        reading.window ??= piece.window;
        break;
      case 'state':
        if (!reading.states.includes(piece.state)) reading.states.push(piece.state);
        break;
      case 'warning':
        if (!reading.warnings.includes(piece.level)) reading.warnings.push(piece.level);
        break;
      case 'progress':
        if (piece.below !== undefined) reading.progressBelow = piece.below;
        if (piece.atLeast !== undefined) reading.progressAtLeast = piece.atLeast;
        break;
      case 'overdueBy':
        reading.overdueBy = { min: piece.min, max: piece.max ?? null, workdays: piece.workdays };
        break;
      case 'stale':
        reading.stale = { days: piece.days, workdays: piece.workdays };
        break;
      case 'role':
        if (piece.role === 'joint') reading.joint = true;
        break;
      case 'ask':
        asks.add(piece.ask);
        break;
      case 'due':
        due = true;
        break;
      case 'soon':
        soon = true;
        break;
      case 'doneQuestion':
        doneQuestion = true;
        break;
      case 'noAssist':
        reading.noAssist = true;
        break;
      case 'keyword':
        reading.keywords.push(piece.text);
        break;
      case 'terms':
        reading.termGroups.push({ said: piece.said, terms: piece.terms });
        break;
      case 'noun':
        nouns += 1;
        break;
      case 'chat':
        if (span.priority === -2) reading.ignored.push(said);
        else chat += 1;
        break;
      case 'and':
      case 'filler':
        break;
    }
  }
  // "Are the transport bureau's tasks done?": a yes/no question about completion, like "都完成了吗".
  if (/^(?:is|are|has|have|did|was|were)\s/.test(text) && reading.states.includes('done')) {
    reading.states = reading.states.filter((s) => s !== 'done');
    doneQuestion = true;
  }
  // "交委的任务都完成了吗": the answer is what is not done; about one task, its detail answers it.
  if (doneQuestion && reading.taskIds.length + reading.keywords.length + reading.termGroups.length === 0 && !reading.states.includes('not_done')) {
    reading.states.push('not_done');
  } else if (doneQuestion) {
    asks.add('detail');
  }
  bindRoles(spans, mentions);
  reading.units = withoutApposition(spans, mentions).map((m) => m.mention);
  // "即将到期", or a bare deadline word ("交委到期的任务"): due soon. "延期的截止日期", "任务6什么时候到期" are not.
  const selectsOtherwise = reading.states.length + reading.taskIds.length + reading.keywords.length + reading.termGroups.length + Number(reading.overdueBy !== null);
  reading.dueSoon = reading.window === null && (soon || (due && selectsOtherwise === 0));
  reading.ask = mainAsk(asks, reading);
  const strong =
    reading.units.length + reading.taskIds.length + reading.keywords.length + reading.termGroups.length + reading.states.length + reading.warnings.length +
    reading.candidates.length + reading.unknownUnits.length + Number(reading.noAssist) +
    Number(reading.progressBelow !== null || reading.progressAtLeast !== null || reading.overdueBy !== null || reading.stale !== null);
  const ledgerWide = [...asks].some((a) => a === 'count' || a === 'rate' || a === 'group' || a === 'slowest' || a === 'overview' || a === 'all' || a === 'help');
  const noise = chat > 0 || reading.ignored.length > 0;
  // Small talk with a time or question word ("今天天气不错", "今天中午谁订的饭") is not a question about the ledger.
  const onlyWords = strong === reading.keywords.length + reading.termGroups.length;
  // "晚上食堂吃啥": small talk that happens to contain a word of some task is still small talk.
  reading.understood = (strong > 0 && !(onlyWords && chat > 0)) || ledgerWide || due || soon || ((nouns > 0 || reading.window !== null || asks.size > 0) && !noise);
  if (asks.has('help') && strong === 0) reading.ask = 'help';
  return reading;
}

/** "我们发改委", "我们单位交委": the asker naming their own unit; the named unit stands alone. */
function withoutApposition(spans: readonly Span[], mentions: { span: Span; mention: UnitMention }[]): { span: Span; mention: UnitMention }[] {
  return mentions.filter((m, i) => {
    const next = mentions[i + 1];
    if (!('self' in m.mention) || !next || 'self' in next.mention) return true;
    const between = spans.filter((s) => s.start >= m.span.end && s.end <= next.span.start);
    if (!between.every((s) => s.piece.kind === 'filler')) return true;
    if (next.mention.role === 'any') next.mention.role = m.mention.role;
    return false;
  });
}

/** Each role word (负责, 协助, lead, support) binds to the nearest unit before it, else after it; the rest stay 'any'. */
function bindRoles(spans: readonly Span[], mentions: { span: Span; mention: UnitMention }[]): void {
  for (const span of spans) {
    if (span.piece.kind !== 'role' || span.piece.role === 'joint' || mentions.length === 0) continue;
    const role: Role = span.piece.role;
    const before = [...mentions].reverse().find((m) => m.span.end <= span.start);
    const after = mentions.find((m) => m.span.start >= span.end);
    const target = before && (!after || span.start - before.span.end <= after.span.start - span.end + 2) ? before : (after ?? before);
    if (!target || target.mention.role !== 'any') continue;
    // A role after a list of units ("交委和城管牵头的") binds to the whole list.
    for (const m of listAround(spans, mentions, target)) if (m.mention.role === 'any') m.mention.role = role;
  }
}

function listAround(spans: readonly Span[], mentions: { span: Span; mention: UnitMention }[], target: { span: Span }): { span: Span; mention: UnitMention }[] {
  const joined = (a: Span, b: Span) =>
    spans.filter((s) => s.start >= a.end && s.end <= b.start).every((s) => s.piece.kind === 'and' || s.piece.kind === 'filler') &&
    spans.some((s) => s.start >= a.end && s.end <= b.start && s.piece.kind === 'and');
  const i = mentions.findIndex((m) => m.span === target.span);
  let first = i;
  while (first > 0 && joined(mentions[first - 1].span, mentions[first].span)) first -= 1;
  let last = i;
  while (last < mentions.length - 1 && joined(mentions[last].span, mentions[last + 1].span)) last += 1;
  return mentions.slice(first, last + 1);
}

/** What the question asks, when several ask words are present. */
function mainAsk(asks: ReadonlySet<AskWord>, reading: Reading): AskWord {
  const about = reading.taskIds.length > 0 || reading.keywords.length > 0 || reading.termGroups.length > 0;
  const filters =
    reading.units.length + reading.states.length + reading.warnings.length + Number(reading.window !== null) + Number(reading.noAssist) +
    Number(reading.progressBelow !== null || reading.overdueBy !== null || reading.stale !== null);
  if (asks.has('slowest')) return about ? 'who' : 'slowest';
  if ((asks.has('group') || (asks.has('who') && asks.has('count'))) && reading.taskIds.length === 0 && reading.units.length === 0) return 'group';
  if (asks.has('who')) return 'who';
  if (asks.has('rate')) return 'rate';
  if (asks.has('count')) return 'count';
  if (about) return 'detail';
  if ((asks.has('overview') || asks.has('detail')) && filters === 0) return 'overview';
  if (asks.has('all') && filters === 0) return 'all';
  return 'list';
}
