/** The sheet check (表格体检) as a document, and one problem as a line. */
import type { Problem } from '../domain/types.js';
import type { Block, Doc } from './doc.js';

/** "表格体检：2 个错误，1 个提醒" (shared by the digest and the problems report). */
export function problemCountLine(errors: number, warnings: number): string {
  if (errors + warnings === 0) return '表格体检：没有发现问题';
  return `表格体检：${errors} 个错误，${warnings} 个提醒（运行 duban validate 查看）`;
}

/**
 * One problem as a line: its place (unless the message already starts with it), then the message; a row of another
 * table than the ledger (the unit directory, the calendar tab) also names that table.
 */
export function problemText(p: Problem): string {
  const place = p.row === null || p.message.startsWith(`第 ${p.row} 行`) ? '' : `第 ${p.row} 行「${p.column}」：`;
  return `${p.sheet ? `〔${p.sheet}〕` : ''}${place}${p.message}`;
}

/** The sheet-problems report (表格体检) as a document: errors first, then warnings, each naming row and column. */
export function problemsDoc(problems: readonly Problem[], source = ''): Doc {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const item = (p: Problem) => [problemText(p)];
  const blocks: Block[] = [{ kind: 'paragraph', parts: [problemCountLine(errors.length, warnings.length).replace(/（.*）$/, '')] }];
  if (source) blocks.unshift({ kind: 'paragraph', parts: [`台账：${source}`] });
  if (errors.length > 0) blocks.push({ kind: 'heading', text: `错误（${errors.length}）`, tone: 'red' }, { kind: 'list', items: errors.map(item) });
  if (warnings.length > 0) blocks.push({ kind: 'heading', text: `提醒（${warnings.length}）`, tone: 'orange' }, { kind: 'list', items: warnings.map(item) });
  return {
    title: '督办台账体检',
    severity: errors.length > 0 ? 'red' : warnings.length > 0 ? 'orange' : 'green',
    summary: problemCountLine(errors.length, warnings.length),
    blocks,
  };
}
