/**
 * Lines of a text file that are one paragraph broken in two: a bracket left open ("（责任单位：区发改委、" + "区财政局）"),
 * or a full-width line ending mid-sentence with the sentence going on below. Joined, so the paragraph reads whole.
 */
import { headingMarker } from './headings.js';
import type { PlanBlock, PlanParagraph } from './types.js';
import { startsWithKey } from './unit-clause.js';

// A line this long, ending without punctuation, was wrapped by the page it came from.
const WRAP_WIDTH = 30;
const ENDS_SENTENCE = /[。；！？：:;!?）)】\]”"…·,，、]$/;
const MAX_JOINED = 4;

/** The blocks with wrapped paragraph lines joined; each joined paragraph keeps its first line's number. */
export function joinWrappedLines(blocks: readonly PlanBlock[]): PlanBlock[] {
  const out: PlanBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    let text = block.text;
    let joined = 0;
    while (joined < MAX_JOINED && i + 1 < blocks.length && continues(text, blocks[i + 1])) {
      text += (blocks[i + 1] as PlanParagraph).text;
      i++;
      joined++;
    }
    out.push(joined === 0 ? block : { ...block, text });
  }
  return out;
}

function continues(text: string, next: PlanBlock): boolean {
  if (next.kind !== 'paragraph' || next.text === '' || text === '') return false;
  if (openBrackets(text) > 0) return true;
  return text.length >= WRAP_WIDTH && !ENDS_SENTENCE.test(text) && headingMarker(next.text) === null && !startsWithKey(next.text) && !/^[（(【[]/.test(next.text);
}

function openBrackets(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth;
}
