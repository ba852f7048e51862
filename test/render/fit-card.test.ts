import { describe, expect, it } from 'vitest';
import { cardBytes, countElements, fitCard, LIST_ID_PREFIX } from '../../src/render/fit-card.js';
import type { Card } from '../../src/render/card.js';

const card = (elements: Record<string, unknown>[]): Card => ({ schema: '2.0', header: { title: { tag: 'plain_text', content: 't' } }, body: { elements } });
const list = (n: number, id = `${LIST_ID_PREFIX}1`) => ({ tag: 'markdown', element_id: id, content: Array.from({ length: n }, (_, i) => `- 第${i + 1}项`).join('\n') });

describe('countElements', () => {
  it('counts nested components and every table row', () => {
    const c = card([
      { tag: 'markdown', content: 'a' },
      { tag: 'column_set', columns: [{ tag: 'column', elements: [{ tag: 'markdown', content: 'b' }] }] },
      { tag: 'table', columns: [{ name: 'x' }], rows: [{ x: 1 }, { x: 2 }] },
    ]);
    expect(countElements(c)).toBe(1 + 3 + 3);
  });
});

describe('fitCard', () => {
  it('returns a card within limits unchanged', () => {
    const c = card([list(3)]);
    expect(fitCard(c)).toBe(c);
  });

  it('cuts long lists evenly and says how many were left off', () => {
    const fitted = fitCard(card([list(500, 'list1'), list(500, 'list2')]), { maxBytes: 4_000 });
    expect(cardBytes(fitted)).toBeLessThanOrEqual(4_000);
    const [a, b] = (fitted.body as { elements: { content: string }[] }).elements.map((e) => e.content.split('\n'));
    expect(a.length).toBe(b.length);
    expect(a[a.length - 1]).toBe(`…还有 ${500 - (a.length - 1)} 项`);
  });

  it('drops trailing elements as a last resort when text outside lists is too long', () => {
    const long = { tag: 'markdown', content: '长'.repeat(5_000) };
    const fitted = fitCard(card([{ tag: 'markdown', content: '开头' }, long]), { maxBytes: 2_000 });
    expect(cardBytes(fitted)).toBeLessThanOrEqual(2_000);
    expect((fitted.body as { elements: { content: string }[] }).elements.map((e) => e.content)).toEqual(['开头', '…内容过长，另有 1 段未显示']);
  });
});
