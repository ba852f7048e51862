/**
 * A rule stated once for every later task: "以下各项均需各镇人民政府配合，不再一一列出", "以下任务均由各区政府负责落实，不再
 * 列出". The units it names take part in every task after it (they lead only when the rule says 牵头), and its words
 * are never unit names.
 */
import { topLevelPieces } from './top-level.js';
import type { PlanTask } from './types.js';
import { looksLikeUnit, unitNames } from './unit-names.js';

/** The units a standing rule adds to every later task. */
export interface StandingUnits {
  lead: string[];
  assist: string[];
}

const STANDING_RULE = /^(?:以下|下列|此后|后续)(?:各项|所有)?(?:任务|工作|事项)?(?:均|都|皆|也)(?:需|须|需要|由|要|请)?(.+?)(牵头|主办|负责落实|负责|落实|配合|参与|协助|协办)(?:落实|实施)?$/;
// "不再列出", "不再一一列出": the rest of the rule.
const NOT_LISTED = /^不再(?:一一|逐一|重复)?(?:列出|列明|列举|标注|注明)$/;
const SEPARATORS = /[。；;，,：:]/;
// A bracket group's text: the rule may be stated in brackets ("（以下各项均由各区政府配合，不再一一列出）").
const BRACKETED = /[（(【[]([^（）()【】[\]]*(?:[（(][^（）()]*[）)][^（）()【】[\]]*)*)[）)】\]]/g;

/** The units of a standing rule piece ("以下各项均需各镇人民政府配合"), or null when the piece is not one. */
function standingRule(piece: string): StandingUnits | null {
  const m = STANDING_RULE.exec(piece.trim());
  if (!m) return null;
  const names = unitNames(m[1]);
  if (names.length === 0 || !names.every(looksLikeUnit)) return null;
  return /牵头|主办/.test(m[2]) ? { lead: names, assist: [] } : { lead: [], assist: names };
}

/** True for a piece of a clause that belongs to a standing rule, not to the task's units. */
export function isStandingRulePiece(piece: string): boolean {
  return NOT_LISTED.test(piece.trim()) || standingRule(piece) !== null;
}

/** The standing rules a paragraph states, merged into `standing`. */
export function adoptStandingRules(text: string, standing: StandingUnits): void {
  if (!text.includes('以下') && !text.includes('下列') && !text.includes('此后') && !text.includes('后续')) return;
  const texts = [text, ...[...text.matchAll(BRACKETED)].map((m) => m[1])];
  for (const piece of texts.flatMap((t) => topLevelPieces(t, SEPARATORS))) {
    const rule = standingRule(piece);
    if (rule === null) continue;
    for (const name of rule.lead) if (!standing.lead.includes(name)) standing.lead.push(name);
    for (const name of rule.assist) if (!standing.assist.includes(name)) standing.assist.push(name);
  }
}

/** The standing units join the task: each one the task does not name already. */
export function joinStanding(task: PlanTask, standing: StandingUnits): void {
  const named = (name: string) => task.lead.includes(name) || task.assist.includes(name);
  for (const name of standing.lead) if (!named(name)) task.lead.push(name);
  for (const name of standing.assist) if (!named(name)) task.assist.push(name);
}
