/** An answer to a question as a document, for every renderer. */
import type { Answer } from '../reports/answer-types.js';
import type { Block, Doc } from './doc.js';
import { taskLine } from './task-line.js';

/** An answer as a document: title, lines, a list per section, the notice. Blue header when no task is listed. */
export function answerDoc(answer: Answer): Doc {
  const blocks: Block[] = answer.lines.map((line) => ({ kind: 'paragraph', parts: [line] }));
  const multi = answer.sections.length > 1;
  for (const section of answer.sections) {
    if (answer.intent === 'task') continue; // the lines already describe the one task
    if (multi) blocks.push({ kind: 'heading', text: `${section.heading}（${section.tasks.length}）` });
    blocks.push({ kind: 'list', items: section.tasks.map((t) => taskLine(t, { lead: t.role === 'assist' || answer.units.length !== 1, warning: answer.intent === 'attention' })) });
  }
  if (answer.notice) blocks.push({ kind: 'paragraph', parts: [answer.notice] });
  const overdue = answer.tasks.some((t) => t.overdue);
  const soon = answer.tasks.some((t) => t.dueSoon);
  return {
    title: answer.title,
    severity: overdue ? 'red' : soon ? 'orange' : answer.tasks.length > 0 ? 'green' : 'blue',
    summary: answer.title,
    blocks,
  };
}
