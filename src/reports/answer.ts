/** A chat message in, an answer out: an update command is described (the chat handler writes it), a question is read and answered. */
import { readUpdateCommand } from '../ask/commands.js';
import { readQuestion } from '../ask/read-question.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { answerReading } from './answer-reading.js';
import { updateAnswer } from './answer-summary.js';

/** Answers a message (Chinese or English) from the ledger; read-only. */
export function answerQuestion(message: string, ctx: AnswerContext): Answer {
  const command = readUpdateCommand(message);
  if (command) return updateAnswer(command, ctx);
  return answerReading(readQuestion(message, ctx), ctx);
}
