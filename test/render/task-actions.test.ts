import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/render/doc.js';
import { countElements } from '../../src/render/fit-card.js';
import { renderDocCard } from '../../src/render/render-card.js';
import { cardCommand } from '../../src/review/card-commands.js';
import { checkContent } from '../support/feishu/card-checks.js';

const doc = (n: number): Doc => ({
  title: '督办提醒',
  severity: 'red',
  summary: 's',
  blocks: [
    { kind: 'list', items: Array.from({ length: n }, (_, i) => [`#${i + 1} 任务`]) },
    { kind: 'taskActions', tasks: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), label: `办理 #${i + 1}` })) },
  ],
});
const tags = (card: Record<string, unknown>) => (card.body as { elements: { tag: string }[] }).elements.map((e) => e.tag);
/** What Feishu would say to a message with this card: null when it is accepted. */
const refusal = (card: Record<string, unknown>) => {
  const content = JSON.stringify(card);
  return checkContent('interactive', content, JSON.stringify({ receive_id: 'oc_x', msg_type: 'interactive', content }));
};

describe('task actions on a card', () => {
  it('gives each task a form (progress, note, new date, four buttons) while the card has room', () => {
    const card = renderDocCard(doc(3));
    expect(tags(card)).toEqual(['markdown', 'form', 'form', 'form']);
    const form = (card.body as { elements: Record<string, any>[] }).elements[1];
    expect(form.elements.map((e: { tag: string; name?: string }) => e.name ?? e.tag)).toEqual(['markdown', 'progress_1', 'note_1', 'due_1', 'column_set']);
    const values = form.elements[4].columns.map((c: any) => c.elements[0].behaviors[0].value);
    expect(values).toEqual([{ action: 'ack', task: '1' }, { action: 'progress', task: '1' }, { action: 'complete', task: '1' }, { action: 'extend', task: '1' }]);
    expect(refusal(card)).toBeNull();
  });

  it('falls back to buttons, then to the text commands, as tasks grow past Feishu limits', () => {
    const buttons = renderDocCard(doc(12));
    expect(tags(buttons).filter((t) => t === 'column_set')).toHaveLength(12);
    expect(tags(buttons)).not.toContain('form');
    expect(refusal(buttons)).toBeNull();
    const hint = renderDocCard(doc(40));
    expect(tags(hint)).toEqual(['markdown', 'markdown']);
    expect(JSON.stringify(hint)).toContain('申请延期 1 至 日期 原因');
    for (const card of [buttons, hint]) expect(countElements(card)).toBeLessThanOrEqual(200);
  });

  it('reads a submitted form back as the command its button names', () => {
    expect(cardCommand({ value: { action: 'extend', task: '6' }, form: { due_6: '2022-07-31 +0800', note_6: '雨季' } })).toEqual({ kind: 'extend', id: '6', date: '2022-07-31', reason: '雨季' });
    expect(cardCommand({ value: { action: 'progress', task: 'A-3' }, form: { progress_A_3: '80', note_A_3: '' } })).toEqual({ kind: 'progress', update: { id: 'A-3', status: null, progress: '80', note: null } });
    expect(cardCommand({ value: { action: 'reject', request: 'r4', task: '6' }, form: { reason: '材料不全' } })).toEqual({ kind: 'reject', request: 'R4', reason: '材料不全' });
    expect(cardCommand({ value: { action: 'extend', task: '6', newDue: '2022-08-01', reason: '等待批复' }, form: {} })).toEqual({ kind: 'extend', id: '6', date: '2022-08-01', reason: '等待批复' });
    expect(cardCommand({ value: { action: 'dance', task: '6' }, form: {} })).toBeNull();
  });
});
