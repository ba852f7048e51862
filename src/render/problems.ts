/** The sheet check (表格体检) in every format, and the validate JSON. */
import type { Card } from './card.js';
import type { Problem } from '../domain/types.js';
import { problemsDoc } from './problems-doc.js';
import { renderDocCard, type CardOptions } from './render-card.js';
import { renderDocMarkdown } from './render-markdown.js';
import { renderDocText, type TextOptions } from './render-text.js';

/** The sheet problems (duban validate) for the terminal. */
export function renderProblemsText(problems: readonly Problem[], source = '', options: TextOptions = {}): string {
  return renderDocText(problemsDoc(problems, source), options);
}

/** The sheet problems as markdown. */
export function renderProblemsMarkdown(problems: readonly Problem[], source = ''): string {
  return renderDocMarkdown(problemsDoc(problems, source));
}

/** The sheet problems as a Feishu card for the office chat. */
export function renderProblemsCard(problems: readonly Problem[], source = '', options: CardOptions = {}): Card {
  return renderDocCard(problemsDoc(problems, source), options);
}

/** The validate JSON shape (docs/contracts.md): ok is false when any problem is an error. */
export function problemsToJson(problems: readonly Problem[]): { ok: boolean; problems: Record<string, unknown>[] } {
  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems: problems.map((p) => ({ row: p.row, column: p.column, severity: p.severity, message: p.message, code: p.code, ...(p.sheet ? { sheet: p.sheet } : {}) })),
  };
}
