/** Small text helpers shared by every table reader (ledger, unit directory, calendar tab): cell → text, width folding. */
import type { Cell } from '../domain/types.js';

/**
 * The text of a cell as the user sees it: trimmed; numbers without trailing ".0" (not-a-number → ""); null → "";
 * a boolean (a checkbox, or TRUE typed into Excel or Sheets) as the spreadsheet shows it: "TRUE" or "FALSE".
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell ? 'TRUE' : 'FALSE';
}

// Full-width ASCII (！..～) and the ideographic space fold to half-width, as NFKC would, without touching CJK.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Folds full-width letters, digits and punctuation to ASCII ("２０２２／６" → "2022/6"). */
export function foldWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** True when every cell of the row is empty or whitespace. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}
