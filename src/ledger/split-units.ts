/** Unit cells ("区交通局、区住建委等") to unit names. */
import { foldWidth } from './text.js';

const SEPARATORS = new Set(['、', ',', '，', ';', '；', '/', '／', '\n', '\r']);
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
// Spaces between two CJK characters are typos ("区 交通局"); between Latin words they are real.
const CJK_GAP = /(?<=[\u3400-\u9fff（）])\s+|\s+(?=[\u3400-\u9fff（）])/g;
const TRAILING_ETC = /等(?:相关)?(?:单位|部门)?$/;

/** Splits a unit cell on 、，,；; / and line breaks (not inside parentheses), tidies and de-duplicates the names. */
export function splitUnits(cell: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= cell.length; i++) {
    const ch = cell[i];
    if (ch !== undefined && OPEN.has(ch)) depth++;
    else if (ch !== undefined && CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === undefined || (depth === 0 && SEPARATORS.has(ch))) {
      const name = tidyOnce(cell.slice(start, i));
      if (name !== '' && !names.includes(name)) names.push(name);
      start = i + 1;
    }
  }
  return names;
}

// Ledgers name the same few hundred units on thousands of rows: each spelling is tidied once.
const tidied = new Map<string, string>();
const TIDIED_LIMIT = 10_000;

function tidyOnce(text: string): string {
  let name = tidied.get(text);
  if (name === undefined) {
    if (tidied.size >= TIDIED_LIMIT) tidied.clear();
    name = tidyUnitName(text);
    tidied.set(text, name);
  }
  return name;
}

/** One unit name: half-width letters, full-width Chinese parentheses, no stray spaces, no trailing "等". */
function tidyUnitName(text: string): string {
  return foldWidth(text)
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(CJK_GAP, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TRAILING_ETC, '');
}
