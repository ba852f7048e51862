/** An answer in every format: terminal text, markdown, a Feishu card, the ask JSON. */
import type { Card } from './card.js';
import type { Answer } from '../reports/answer-types.js';
import { answerDoc } from './answer-doc.js';
import { renderDocCard, type CardOptions } from './render-card.js';
import { renderDocMarkdown } from './render-markdown.js';
import { renderDocText, type TextOptions } from './render-text.js';

/** An answer for the terminal (also the `text` of ask JSON, without colour). */
export function renderAnswerText(answer: Answer, options: TextOptions = {}): string {
  return renderDocText(answerDoc(answer), options);
}

/** An answer as markdown. */
export function renderAnswerMarkdown(answer: Answer): string {
  return renderDocMarkdown(answerDoc(answer));
}

/** An answer as a Feishu card (the chat reply). */
export function renderAnswerCard(answer: Answer, options: CardOptions = {}): Card {
  return renderDocCard(answerDoc(answer), options);
}

/** The answer as the documented JSON shape (docs/contracts.md "ask"); `text` is the plain-text rendering. */
export function answerToJson(answer: Answer): { intent: string; units: string[]; tasks: Record<string, unknown>[]; text: string } & Record<string, unknown> {
  return {
    intent: answer.intent,
    understood: answer.understood,
    units: answer.units,
    count: answer.count,
    ...(answer.rate !== undefined ? { rate: answer.rate } : {}),
    ...(answer.groups ? { groups: answer.groups } : {}),
    ...(answer.candidates ? { candidates: answer.candidates } : {}),
    ...(answer.notFound ? { notFound: answer.notFound } : {}),
    ...(answer.ignored ? { ignored: answer.ignored } : {}),
    tasks: answer.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      role: t.role,
      status: t.status,
      due: t.due,
      overdue: t.overdue,
      lead: t.lead,
      assist: t.assist,
      light: t.light,
    })),
    text: renderAnswerText(answer),
    empty: answer.empty,
  };
}
