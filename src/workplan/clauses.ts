/** Finding unit clauses in a paragraph: in parentheses or square brackets, or as a whole line ("牵头单位：X"). */
import { keyedTailStart, parseUnitClause, startsWithKey, type ClauseContext, type UnitClause } from './unit-clause.js';

/** A unit clause found in a paragraph, with its position. */
export interface FoundClause {
  start: number;
  end: number;
  clause: UnitClause;
}

// Bracket groups （…） (…) 【…】 […], holding at most one level of round brackets: "（区委宣传部（区文明办）牵头）".
const FLAT = '[^（）()【】[\\]]';
const GROUP = `[（(【[]((?:${FLAT}|[（(]${FLAT}*[）)])*)[）)】\\]]`;
const BRACKETED = new RegExp(GROUP, 'g');
const INNERMOST = new RegExp(`[（(【[](${FLAT}*)[）)】\\]]`, 'g');
const WHOLE_BRACKETED = new RegExp(`^${GROUP}$`);
const TRAILING = /[。；;，,\s]+$/;
const MAY_HOLD_CLAUSE = /[（(【[：:]|牵头|负责|配合|协助|协办|参与|指导|主办/;

/**
 * The unit clauses of a paragraph, in order: in brackets (other bracketed text, "（社区）", is left alone), or else one
 * closing the paragraph: a bare list of bodies in brackets ("……。（省发展改革委、省财政厅）"), or without brackets
 * ("……。牵头单位：市发改委", "……。市发改委牵头，市财政局配合。").
 */
export function findClauses(text: string, ctx: ClauseContext): FoundClause[] {
  // Most lines of a long plan are prose: a line without a bracket, a colon or a role word has no clause.
  if (!MAY_HOLD_CLAUSE.test(text)) return [];
  const found = bracketedClauses(text, ctx);
  if (found.length > 0) return found;
  const tail = unbracketedTail(text, ctx);
  return tail ? [tail] : [];
}

function bracketedClauses(text: string, ctx: ClauseContext): FoundClause[] {
  const found: FoundClause[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const clause = parseUnitClause(m[1], ctx);
    if (clause) {
      found.push({ start: m.index, end: m.index + m[0].length, clause });
      continue;
    }
    // "（含（责任单位：X））": the clause may be the inner group.
    for (const inner of m[1].matchAll(INNERMOST)) {
      const innerClause = parseUnitClause(inner[1], ctx);
      const start = m.index + 1 + inner.index;
      if (innerClause) found.push({ start, end: start + inner[0].length, clause: innerClause });
    }
  }
  return found;
}

// A last bracket group closing the paragraph: "……。（省发展改革委、省财政厅）".
const CLOSING_GROUP = new RegExp(`${GROUP}[。；;，,\\s]*$`);

function unbracketedTail(text: string, ctx: ClauseContext): FoundClause | null {
  const closing = CLOSING_GROUP.exec(text);
  if (closing && closing.index > 0) {
    const clause = parseUnitClause(closing[1], { ...ctx, bare: true });
    if (clause) return { start: closing.index, end: text.length, clause };
  }
  const keyed = keyedTailStart(text);
  if (keyed > 0) {
    const clause = parseUnitClause(text.slice(keyed).replace(TRAILING, ''), ctx);
    if (clause) return { start: keyed, end: text.length, clause };
  }
  // The last sentence naming units and their roles; only names that look like bodies, since prose is near.
  const body = text.replace(TRAILING, '');
  const cut = Math.max(body.lastIndexOf('。'), body.lastIndexOf('；'), body.lastIndexOf(';'));
  if (cut <= 0) return null;
  const clause = parseUnitClause(body.slice(cut + 1), { ...ctx, strict: true });
  return clause ? { start: cut + 1, end: text.length, clause } : null;
}

/** The clause text when the whole paragraph is a division-of-work line ("牵头单位：X", "（X牵头，Y配合）"), else null. */
export function unitLineContent(text: string, ctx: ClauseContext): string | null {
  if (!MAY_HOLD_CLAUSE.test(text)) return null;
  const line = text.trim().replace(TRAILING, '');
  if (startsWithKey(line)) return parseUnitClause(line, ctx) ? line : null;
  const m = WHOLE_BRACKETED.exec(line);
  return m && parseUnitClause(m[1], ctx) ? m[1] : null;
}
