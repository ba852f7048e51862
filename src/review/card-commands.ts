/**
 * A card button's callback as a command of the loop: `value.action` says what (ack, progress, complete, extend,
 * approve, reject), `value.task` / `value.request` which, and the form's fields (progress, note, due, reason) the rest.
 */
import type { LoopCommand } from '../ask/loop-commands.js';
import { fieldSuffix } from '../render/task-actions.js';

export interface CardInput {
  value: Record<string, string>;
  form: Record<string, string>;
}

/**
 * The first non-empty field among these names, in the form first, then in the button's value. A card with several
 * task forms names each field after its task ("note_6"), so that name is tried too.
 */
function field(input: CardInput, task: string | null, ...names: string[]): string | null {
  const suffixed = task ? names.flatMap((name) => [name, `${name}_${fieldSuffix(task)}`]) : names;
  for (const source of [input.form, input.value]) {
    for (const name of suffixed) {
      const v = source[name]?.trim();
      if (v) return v;
    }
  }
  return null;
}

/** "2022-07-31 +0800" (a date picker) → "2022-07-31"; typed text stays as typed. */
const dateOf = (text: string | null) => (text ? text.split(/\s+/)[0] : null);

/** The command a click gives, or null when the button says nothing the loop knows. */
export function cardCommand(input: CardInput): LoopCommand | null {
  const action = input.value.action;
  const task = field(input, null, 'task');
  const request = field(input, null, 'request')?.toUpperCase() ?? null;
  if ((action === 'approve' || action === 'reject') && request) {
    return action === 'approve' ? { kind: 'approve', request, note: null } : { kind: 'reject', request, reason: field(input, null, 'reason', 'note') };
  }
  if (!task) return null;
  switch (action) {
    case 'ack':
      return { kind: 'ack', ids: [task] };
    case 'progress':
      return { kind: 'progress', update: { id: task, status: field(input, task, 'status'), progress: field(input, task, 'progress'), note: field(input, task, 'note') } };
    case 'complete':
      return { kind: 'complete', id: task, note: field(input, task, 'note', 'reason') };
    case 'extend':
      return { kind: 'extend', id: task, date: dateOf(field(input, task, 'due', 'newDue', 'date')), reason: field(input, task, 'reason', 'note') };
    default:
      return null;
  }
}
