/** The unit part of a question: fillers trimmed, the asker's own unit recognised, the rest resolved by the directory. */
import type { UnitDirectory } from '../domain/unit-directory.js';

const ZH_FILLERS = [
  '哪些任务由', '有没有', '哪些任务', '负责的', '牵头的', '目前', '现在', '当前', '还有', '所有', '全部', '一下', '哪些', '什么',
  '多少个', '多少', '几个', '几项', '几条', '任务', '工作', '事项', '情况', '活儿', '有', '的', '了', '都', '还', '由', '啥',
].sort((a, b) => b.length - a.length);
const EN_FILLERS = new Set([
  'what', 'which', 'whats', "what's", 'is', 'are', 'the', 'all', 'tasks', 'task', 'for', 'of', 'any', 'there', 'does', 'do',
  'have', 'has', 'by', 'at', 'in', 'with', 'on', 'currently', 'now', 'list', 'show', 'items', 'work', 'how', 'many', 'anything',
  'me', 'get',
]);
const SELF = new Set(['我', '我们', '我单位', '我们单位', '本单位', '咱们', '咱们单位', '我部门', '我们部门', '本部门', 'my', 'my unit', 'our unit', 'our', 'me', 'us', 'mine', 'we', 'i']);
/** Endings that make a phrase look like a unit's name even when the directory does not know it. */
const UNIT_ENDING = /(局|委|办|部|镇|乡|街道|集团|中心|处|公司|所|站|院|校|队|室|会|厅)$|\b(bureau|commission|committee|office|department|group|center|centre|town|subdistrict)s?$/i;

/** The phrase without leading and trailing filler words ("交通局有哪些" → "交通局", "what is … for the X" → "the X"). */
export function trimFillers(phrase: string): string {
  if (/\p{Script=Han}/u.test(phrase)) return trimZhFillers(phrase.replace(/\s+/g, ''));
  const words = phrase.trim().split(/\s+/);
  while (words.length > 0 && EN_FILLERS.has(words[0].toLowerCase())) words.shift();
  while (words.length > 0 && EN_FILLERS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(' ');
}

/**
 * Chinese fillers off both ends, longest first. A loop, not a regex: "(?:有|的…)+$" retries at every position of a
 * long run of fillers and takes quadratic time.
 */
function trimZhFillers(text: string): string {
  let start = 0;
  let end = text.length;
  for (let word = leadingFiller(text, start, end); word; word = leadingFiller(text, start, end)) start += word.length;
  for (let word = trailingFiller(text, start, end); word; word = trailingFiller(text, start, end)) end -= word.length;
  return text.slice(start, end);
}

const leadingFiller = (text: string, start: number, end: number): string | undefined =>
  ZH_FILLERS.find((word) => start + word.length <= end && text.startsWith(word, start));
const trailingFiller = (text: string, start: number, end: number): string | undefined =>
  ZH_FILLERS.find((word) => end - word.length >= start && text.endsWith(word, end));

/** True for "我", "我们单位", "my unit": the asker's own unit. */
export function isSelf(phrase: string): boolean {
  return SELF.has(trimFillers(phrase).toLowerCase().replace(/'s$/, ''));
}

/** A unit named in a question: the canonical name when the directory finds exactly one, else the phrase itself; null when nothing is left. */
export function unitFromPhrase(phrase: string, directory: UnitDirectory): string | null {
  const trimmed = trimFillers(phrase);
  if (trimmed === '') return null;
  const match = directory.resolve(trimmed);
  return match.kind === 'found' ? match.unit.name : trimmed;
}

/** True when the phrase names a unit: the directory finds one or more, or it ends like a unit name. */
export function namesUnit(phrase: string, directory: UnitDirectory): boolean {
  const trimmed = trimFillers(phrase);
  if (trimmed === '') return false;
  return directory.resolve(trimmed).kind !== 'unknown' || UNIT_ENDING.test(trimmed);
}
