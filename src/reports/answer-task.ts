import type { Task } from '../domain/types.js';
import type { ClassifiedTask } from './classify.js';
import type { Answer, AnswerSection, AnswerTask } from './answer-types.js';
import type { IntentKind } from '../ask/intent.js';
import { stateLabel } from './labels.js';

/** A classified task as an answer lists it, with the role the asked unit plays in it. */
export function toAnswerTask(view: ClassifiedTask, role: AnswerTask['role'] = 'lead'): AnswerTask {
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
  intent: IntentKind,
  parts: { units?: string[]; title: string; lines?: string[]; sections?: AnswerSection[]; notice?: string; empty?: boolean },
): Answer {
  const sections = (parts.sections ?? []).filter((s) => s.tasks.length > 0);
  const tasks = sections.flatMap((s) => s.tasks);
  const answer: Answer = {
    intent,
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
