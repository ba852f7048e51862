/** Finding unit clauses in a line of plan text: in parentheses, square brackets, or as a whole line. */
import { parseUnitClause, startsWithUnitKey, type UnitClause } from './unit-clause.js';

/** A unit clause found in a line, with its position. */
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

/** Bracketed unit clauses in the line, in order; other bracketed text ("（社区）") is left alone. */
export function findClauses(line: string): FoundClause[] {
  const found: FoundClause[] = [];
  for (const m of line.matchAll(BRACKETED)) {
    const clause = parseUnitClause(m[1]);
    if (clause) {
      found.push({ start: m.index, end: m.index + m[0].length, clause });
      continue;
    }
    // "（含（责任单位：X））": the clause may be the inner group.
    for (const inner of m[1].matchAll(INNERMOST)) {
      const innerClause = parseUnitClause(inner[1]);
      const start = m.index + 1 + inner.index;
      if (innerClause) found.push({ start, end: start + inner[0].length, clause: innerClause });
    }
  }
  return found;
}

/** The clause text when the whole line is a division-of-work line ("牵头单位：X", "（X牵头，Y配合）"), else null. */
export function unitLineContent(line: string): string | null {
  const text = line.trim().replace(/[。；;]+$/, '');
  if (startsWithUnitKey(text)) return text;
  const m = WHOLE_BRACKETED.exec(text);
  return m && parseUnitClause(m[1]) ? m[1] : null;
}
