/** Splitting text at separators that stand outside brackets, quotes and book-title marks: "（X、Y），Z" is two pieces. */

const OPEN = '（(【[“《';
const CLOSE = '）)】]”》';

/** The pieces of the text between separators at the top level (not inside any bracket, quote or 《》). */
export function topLevelPieces(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separator.test(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
