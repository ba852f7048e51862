/**
 * What a liaison can do about a reminded task, on the card: 签收 · 更新进度 · 申请办结 · 申请延期. As a form per task
 * (progress, note or reason, new date, and the four buttons) when the card has room; as a row of the four buttons
 * when it has less (a click that needs input gets the task's form in reply); as a line of text commands when even
 * that would pass Feishu's limits. Every button's value carries the task id and the action.
 */
import type { Card } from './card.js';
import { button, buttonRow, datePicker, form, input } from './card-components.js';
import { escapeCardMarkdown } from './escape.js';

type Element = Record<string, unknown>;

/** How a card offers the actions: forms, buttons, or the text commands only. */
export type ActionStyle = 'forms' | 'buttons' | 'hint';

/** The actions a reminded task offers, in button order. */
export const TASK_ACTIONS = [
  { action: 'ack', text: '签收', type: 'default' },
  { action: 'progress', text: '更新进度', type: 'primary' },
  { action: 'complete', text: '申请办结', type: 'primary' },
  { action: 'extend', text: '申请延期', type: 'default' },
] as const;

/** The suffix that makes a field's name unique in a card with several tasks: "6" → "6", "A-3" → "A_3". */
export const fieldSuffix = (taskId: string) => taskId.replace(/[^A-Za-z0-9]/g, '_');

/** The four buttons of a task; inside a form they submit it. */
function buttons(taskId: string, submit: boolean): Element[] {
  return TASK_ACTIONS.map(({ action, text, type }) =>
    button(text, { action, task: taskId }, { type, ...(submit ? { name: `btn_${action}_${fieldSuffix(taskId)}`, submit: true } : {}) }),
  );
}

/** A task's form: what each action needs (progress and note; a completion note; a new date and reason), and the buttons. */
export function taskForm(taskId: string, label: string): Element {
  const suffix = fieldSuffix(taskId);
  return form(`task_${suffix}`, [
    { tag: 'markdown', content: label },
    input(`progress_${suffix}`, '进度，如 80%（更新进度时填）', { maxLength: 10 }),
    input(`note_${suffix}`, '进展说明 / 办结说明 / 延期原因', { multiline: true }),
    datePicker(`due_${suffix}`, '新的截止日期（申请延期时选）'),
    buttonRow(buttons(taskId, true)),
  ]);
}

/** A task's buttons alone (no form). */
export function taskButtons(taskId: string): Element {
  return buttonRow(buttons(taskId, false));
}

/** The text commands for these tasks, for a card with no room for buttons. */
export function actionHint(taskIds: readonly string[]): string {
  const id = taskIds[0] ?? '编号';
  return `办理后请回复：签收 ${id} · 更新 ${id} 进度 80% 备注：… · 申请办结 ${id} 说明：… · 申请延期 ${id} 至 日期 原因：…`;
}

/** A card holding one task's form: sent in reply when a button without a form was clicked for an action that needs input. */
export function taskFormCard(taskId: string, title: string, asked: string): Card {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', summary: { content: `任务 ${taskId}：${asked}` } },
    header: { title: { tag: 'plain_text', content: `${asked} · 任务 ${taskId}` }, template: 'blue' },
    body: { elements: [taskForm(taskId, escapeCardMarkdown(`#${taskId} ${title}：请填写后点击“${asked}”`))] },
  };
}
