/** Cells that hold something other than data: formula text, formula errors, text far too long. */
import type { Problem } from '../domain/types.js';
import { problem } from './problems.js';

/** Cells longer than this are kept but reported (a pasted document, not a ledger entry). */
const MAX_CELL_CHARS = 5_000;

const FORMULA_TEXT = /^=\s*[A-Za-z_$(]/;
const FORMULA_ERROR = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;

/** Checks one cell's text; returns true when the text is not data (formula text or error) and must be ignored. */
export function lintCell(text: string, row: number, column: string, problems: Problem[]): boolean {
  if (text.length > MAX_CELL_CHARS) {
    problems.push(problem(row, column, 'warning', 'overlong_cell',
      `单元格有 ${text.length} 个字符（超过 ${MAX_CELL_CHARS}），已保留原文；请精简，详细材料可放附件或链接`));
  }
  if (text.length === 0 || (text[0] !== '=' && text[0] !== '#')) return false;
  if (FORMULA_ERROR.test(text)) {
    problems.push(problem(row, column, 'error', 'formula_error', `单元格是公式错误「${text}」，已按空白处理；请修正公式或改填数值`));
    return true;
  }
  if (FORMULA_TEXT.test(text)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    problems.push(problem(row, column, 'warning', 'formula_text',
      `单元格是公式文本「${shown}」而不是结果，已按空白处理；请把公式转为数值，或导出时保留计算结果`));
    return true;
  }
  return false;
}
