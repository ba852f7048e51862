/** Finding unit clauses in a paragraph: in parentheses or square brackets, or as a whole line ("牵头单位：X"). */
import { endsWithBodyName } from './unit-names.js';
import { keyedTailStart, parseUnitClause, startsWithKey, type ClauseContext, type UnitClause } from './unit-clause.js';

/** A unit clause found in a paragraph, with its position. */
export interface FoundClause {
  start: number;
  end: number;
  clause: UnitClause;
}

// Bracket groups （…） (…) 【…】 〔…〕 ［…］ […], holding at most one level of brackets: "（区委宣传部（区文明办）牵头）".
const FLAT = '[^（）()【】〔〕［］[\\]]';
const GROUP = `[（(【〔［[]((?:${FLAT}|[（(【〔［]${FLAT}*[）)】〕］])*)[）)】〕］\\]]`;
const BRACKETED = new RegExp(GROUP, 'g');
const INNERMOST = new RegExp(`[（(【〔［[](${FLAT}*)[）)】〕］\\]]`, 'g');
const WHOLE_BRACKETED = new RegExp(`^${GROUP}$`);
const TRAILING = /[。；;，,\s]+$/;
const MAY_HOLD_CLAUSE = /[（(【〔［[：:]|牵头|负责|配合|协助|协办|参与|指导|主办/;

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
  const closing = itemClosingLists(text, ctx);
  if (closing.length > 0) return closing;
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

// What follows a bracket group that closes an item: the next item's number, or the paragraph's end.
const NEXT_ITEM = /^[。；;，,.]?\s*(?:$|\d{1,3}\s*[、.．](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]+)[）)]|[一二三四五六七八九十]+[、.．])/;

/**
 * Bare lists of bodies closing items run together in one paragraph, as a page that lost its line breaks shows them:
 * "1、全县生产总值增长8%（县发改委，各镇人民政府）。 2、城镇新增就业3000人（县人社局）。"
 */
function itemClosingLists(text: string, ctx: ClauseContext): FoundClause[] {
  const found: FoundClause[] = [];
  let runTogether = false;
  for (const m of text.matchAll(BRACKETED)) {
    const end = m.index + m[0].length;
    const next = NEXT_ITEM.exec(text.slice(end));
    if (m.index === 0 || !next) continue;
    const clause = parseUnitClause(m[1], { ...ctx, bare: true });
    if (!clause) continue;
    found.push({ start: m.index, end, clause });
    // Followed by the next item's number, not only by the paragraph's end.
    if (end + next[0].length < text.length) runTogether = true;
  }
  return runTogether ? found : [];
}

// A last bracket group closing the paragraph: "……。（省发展改革委、省财政厅）".
const CLOSING_GROUP = new RegExp(`${GROUP}[。；;，,\\s]*$`);

function unbracketedTail(text: string, ctx: ClauseContext): FoundClause | null {
  const closing = CLOSING_GROUP.exec(text);
  // "……反馈区管委会办公室（区效能办）。": one body's other name in brackets after its name, not the task's units.
  const otherName = closing !== null && !/[、，,；;]/.test(closing[1]) && endsWithBodyName(text.slice(0, closing.index));
  if (closing && closing.index > 0 && !otherName) {
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
  if (!m) return null;
  // "（市发改委、财政局，无锡国税局）" on a line of its own under an item: a bare list of bodies names its units.
  if (parseUnitClause(m[1], ctx) || parseUnitClause(m[1], { ...ctx, bare: true, strict: true })) return m[1];
  return null;
}

// "由县委办牵头，X、Y配合，开展……", "本措施由区科技局负责牵头组织实施", "扶持资金由区财政局统筹安排": a sentence giving the
// work to units (after a short subject), the role word perhaps followed by what they do.
const ROLE_SENTENCE = /(?:^|[。；;！!？?])\s*(?:[^，,。；;：:“”由]{1,10})?由([^，,。；;：:“”]{2,40}?)(牵头|负责|统筹|组织(?=开展|实施|评选|认定))[^，,。；;：:“”]{0,30}?(?:[，,]([^，,。；;：:“”]{2,60}?)(配合|参与|协助|协办))?(?=[，,。；;]|$)/;
// "市工信局会同市发改委、市科技局等部门，建立……": the first unit leads, the units it works with assist;
// "由区科技局会同OPC社区组织开展认定": the same, the sentence going on without a comma.
const WORKS_WITH = /(?:^|[。；;！!？?])\s*由?([^，,。；;：:“”由]{2,20}?)会同([^，,。；;：:“”]{2,120}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:[，,]|(?=(?:共同|联合)?(?:组织|开展|制定|建立|研究|推进|实施)))/;

/** The units a sentence of the text opens by naming ("由县委办牵头，县财政局配合，…"), else null; only bodies' names. */
export function sentenceRoles(text: string, ctx: ClauseContext): Extract<UnitClause, { kind: 'units' }> | null {
  const found = ROLE_SENTENCE.exec(text);
  // "由X会同Y负责": X leads and Y assists, as in the sentence without a role word.
  const role = found && !found[1].includes('会同') ? found : null;
  const withOthers = role ? null : WORKS_WITH.exec(text);
  const clause = role
    ? `${role[1]}${role[2] === '牵头' ? '牵头' : '负责'}${role[3] ? `，${role[3]}${role[4]}` : ''}`
    : withOthers
      ? `${withOthers[1]}牵头，${withOthers[2]}配合`
      : null;
  const units = clause === null ? null : parseUnitClause(clause, { ...ctx, strict: true });
  return units?.kind === 'units' && units.lead.length > 0 && !units.lead.every((name) => NOBODY_IN_PARTICULAR.test(name)) ? units : null;
}

// "由各地组织实施", "由各级负责": everyone, as a policy says, not units given a task.
const NOBODY_IN_PARTICULAR = /^各(?:地|级|地区|地方|方|方面)$/;

// "一、县示范区管委会牵头工作（8项）", "（二）市发改委负责的任务", "三、县住建局（5项）": a heading naming the lead of the
// items under it, which name no units of their own.
const HEADING_LEAD = /^(.{2,40}?)(?:(?:牵头|负责)(?:的|落实的)?(?:工作|任务|事项)(?:[（(]\d+项[）)])?|[（(]共?\d+项[）)])$/;

/** The units a heading names as the lead of the items under it, else null. */
export function headingLead(heading: string, ctx: ClauseContext): Extract<UnitClause, { kind: 'units' }> | null {
  const m = HEADING_LEAD.exec(heading.trim());
  const units = m ? parseUnitClause(`${m[1]}负责`, { ...ctx, strict: true }) : null;
  return units?.kind === 'units' && units.lead.length > 0 ? units : null;
}
