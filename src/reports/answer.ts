/** A chat message in, an answer out: an update command is described (the chat handler writes it), a question is read and answered. */
import { readUpdateCommand } from '../ask/commands.js';
import { readQuestion } from '../ask/read-question.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { answerReading } from './answer-reading.js';
import { updateAnswer } from './answer-summary.js';
import { ledgerViews, type LedgerViews } from './ledger-index.js';

/**
 * Answers already given for this ledger, date and settings: by message and asker (chat repeats itself), and by what
 * was read and who asked (two phrasings read alike share one answer).
 */
const answerCaches = new WeakMap<LedgerViews, { byMessage: Map<string, Answer>; byReading: Map<string, Answer> }>();
const CACHE_LIMIT = 1000;

/** Answers a message (Chinese or English) from the ledger; read-only. The answer is the caller's own to change. */
export function answerQuestion(message: string, ctx: AnswerContext): Answer {
  const views = ledgerViews(ctx.ledger, ctx.today, ctx.calendar, ctx.options);
  let cache = answerCaches.get(views);
  if (!cache) {
    cache = { byMessage: new Map(), byReading: new Map() };
    answerCaches.set(views, cache);
  }
  const asker = ctx.asker?.unit ?? '';
  const messageKey = `${asker}\u0000${message}`;
  let answer = cache.byMessage.get(messageKey);
  if (!answer) {
    const command = readUpdateCommand(message);
    if (command) return updateAnswer(command, ctx);
    const reading = readQuestion(message, ctx);
    const readingKey = JSON.stringify({ ...reading, text: undefined, asker });
    answer = cache.byReading.get(readingKey) ?? answerReading(reading, ctx);
    remember(cache.byReading, readingKey, answer);
    remember(cache.byMessage, messageKey, answer);
  }
  return copyOf(answer);
}

function remember(cache: Map<string, Answer>, key: string, answer: Answer): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, answer);
}

/** A copy whose lists can be changed without touching the cached answer (the task entries are shared and frozen). */
function copyOf(answer: Answer): Answer {
  return {
    ...answer,
    units: [...answer.units],
    tasks: [...answer.tasks],
    lines: [...answer.lines],
    sections: answer.sections.map((s) => ({ ...s, tasks: [...s.tasks] })),
    ...(answer.groups ? { groups: answer.groups.map((g) => ({ ...g, taskIds: [...g.taskIds] })) } : {}),
    ...(answer.candidates ? { candidates: [...answer.candidates] } : {}),
    ...(answer.ignored ? { ignored: [...answer.ignored] } : {}),
    ...(answer.notFound ? { notFound: [...answer.notFound] } : {}),
  };
}
