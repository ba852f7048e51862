/** The building blocks of answers: a task as an answer lists it, and assembling an answer. */
import type { Task } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';
import type { Answer, AnswerSection, AnswerTask } from './answer-types.js';
import { stateLabel } from './labels.js';
import { warningReason } from './warning-reason.js';

// Answers list the same classified tasks again and again: each entry is built once per role and shared (frozen).
const answerTasks: Record<AnswerTask['role'], WeakMap<ClassifiedTask, AnswerTask>> = { lead: new WeakMap(), assist: new WeakMap() };

/** A classified task as an answer lists it, with the role the asked unit plays in it (shared and frozen: do not mutate). */
export function toAnswerTask(view: ClassifiedTask, role: AnswerTask['role'] = 'lead'): AnswerTask {
  let entry = answerTasks[role].get(view);
  if (!entry) {
    entry = Object.freeze(answerTask(view, role));
    answerTasks[role].set(view, entry);
  }
  return entry;
}

function answerTask(view: ClassifiedTask, role: AnswerTask['role']): AnswerTask {
  const task: Task = view.task;
  return {
    id: task.id,
    title: task.title,
    role,
    status: stateLabel(task.status),
    due: view.due,
    overdue: view.overdue,
    state: task.status,
    lead: task.lead,
    assist: task.assist,
    light: view.light,
    warning: warningReason(view),
    daysOverdue: view.daysOverdue,
    workdaysLeft: view.workdaysLeft,
    dueSoon: view.dueSoon,
    progress: task.progress,
    dueText: task.raw.due?.trim() || task.recurring || (task.ongoing ? '长期坚持' : task.due ?? ''),
    note: task.note,
    updated: task.updated,
  };
}

/** Assembles an answer; `tasks` is the sections flattened and `empty` says whether any task matched. */
export function makeAnswer(
  intent: string,
  parts: { units?: string[]; title: string; lines?: string[]; sections?: AnswerSection[]; notice?: string; empty?: boolean; understood?: boolean },
): Answer {
  const sections = (parts.sections ?? []).filter((s) => s.tasks.length > 0);
  const tasks = ([] as AnswerTask[]).concat(...sections.map((s) => s.tasks)); // concat: flatMap is slow on long lists
  const answer: Answer = {
    intent,
    understood: parts.understood ?? true,
    count: tasks.length,
    units: parts.units ?? [],
    tasks,
    title: parts.title,
    lines: parts.lines ?? [],
    sections,
    empty: parts.empty ?? tasks.length === 0,
  };
  if (parts.notice) answer.notice = parts.notice;
  return answer;
}
