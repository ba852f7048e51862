/** Answering a parsed question from the ledger: dispatches to the answer for each kind of question. */
import type { Intent } from '../ask/intent.js';
import type { Answer, AnswerContext } from './answer-types.js';
import { keywordAnswer, dueAnswer, overdueAnswer } from './answer-lists.js';
import { helpAnswer, progressAnswer, rankingAnswer, unknownAnswer, updateAnswer } from './answer-summary.js';
import { taskAnswer } from './answer-task-detail.js';
import { attentionAnswer, stateAnswer } from './answer-filters.js';
import { myTasksAnswer, resolveUnit, unitTasksAnswer } from './answer-units.js';

/** Answers a parsed question from the ledger (read-only: an update intent is only described, not written). */
export function answerQuestion(intent: Intent, ctx: AnswerContext): Answer {
  switch (intent.kind) {
    case 'unit_tasks': {
      const resolved = resolveUnit('unit_tasks', intent.unit, ctx);
      return 'answer' in resolved ? resolved.answer : unitTasksAnswer('unit_tasks', resolved.unit, intent.role, ctx);
    }
    case 'my_tasks':
      return myTasksAnswer(intent.role, ctx);
    case 'overdue':
      return overdueAnswer(intent.unit, ctx, intent.minDays);
    case 'due':
      return dueAnswer(intent, ctx);
    case 'state':
      return stateAnswer(intent, ctx);
    case 'attention':
      return attentionAnswer(intent, ctx);
    case 'task':
      return taskAnswer(intent.id, ctx);
    case 'keyword':
      return keywordAnswer(intent.keyword, ctx);
    case 'progress':
      return progressAnswer(ctx);
    case 'ranking':
      return rankingAnswer(ctx);
    case 'help':
      return helpAnswer();
    case 'update':
      return updateAnswer(intent, ctx);
    case 'unknown':
      return unknownAnswer();
  }
}
