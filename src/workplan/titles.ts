/** A task's short title (任务): the item's name — its heading phrase or its first clause — never its number. */
import { cleanText, stripMarkers } from './headings.js';
import { topLevelPieces } from './top-level.js';

// A first sentence this short, in one clause, is the item's name ("拓展两个市场。积极稳妥地……").
const HEADING_PHRASE = 24;
const LONGEST = 40;
const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，,：:]/;

/** The title of a task from its text: the heading phrase if the text opens with one, else its first clause. */
export function shortTitle(text: string): string {
  const body = stripMarkers(text.trim());
  const sentence = cut(body, SENTENCE_END);
  const clause = cut(sentence, CLAUSE_END);
  if (clause === sentence && sentence.length <= HEADING_PHRASE) return cleanText(sentence);
  const title = cleanText(clause.length >= 4 ? clause : sentence);
  return title.length > LONGEST ? `${title.slice(0, LONGEST)}…` : title;
}

/** The text up to the first separator outside brackets and quotes. */
function cut(text: string, separator: RegExp): string {
  return topLevelPieces(text, separator)[0];
}
