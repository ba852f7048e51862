/** A task's short title (任务): the item's name — its heading phrase or its first clause — never its number. */
import { cleanText, stripMarkers } from './headings.js';
import { topLevelPieces } from './top-level.js';

// A first sentence this short, in one clause, is the item's name ("拓展两个市场。积极稳妥地……").
const HEADING_PHRASE = 24;
const LONGEST = 40;
const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,：:]/;
const ONLY_A_TIME = /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上旬|中旬|下旬|中下旬|上中旬|初|底|末|中)?(?:前|以前|之前|起|以来|期间)?$/;

/** The title of a task from its text: the heading phrase if the text opens with one, else its first clause. */
export function shortTitle(text: string): string {
  // A half-width full stop between Chinese words ends a sentence as "。" does.
  const body = stripMarkers(text.trim()).replace(/(?<=[\u4e00-\u9fa5])\.(?=[\u4e00-\u9fa5])/g, '。');
  const sentence = cut(body, SENTENCE_END);
  // "2024年6月底前，完成……": a time opening the sentence is no name; the clause after it is.
  const clauses = topLevelPieces(sentence, CLAUSE_END);
  const clause = clauses.length > 1 && cleanText(clauses[0]) !== '' && ONLY_A_TIME.test(cleanText(clauses[0])) ? clauses[1] : clauses[0];
  if (clause === sentence && sentence.length <= HEADING_PHRASE) return cleanText(sentence);
  const title = cleanText(clause.length >= 4 ? clause : sentence);
  return title.length > LONGEST ? `${title.slice(0, LONGEST)}…` : title;
}

/** The text up to the first separator outside brackets and quotes. */
function cut(text: string, separator: RegExp): string {
  return topLevelPieces(text, separator)[0];
}
