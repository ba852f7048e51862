/** Cutting a card to Feishu's size and element limits, shortening lists rather than failing. */
import type { Card } from './card.js';

/** Feishu card limits: a 30 KB request body and 200 components per JSON 2.0 card (Feishu refuses larger ones with 230025 / 230099). */
export interface CardLimits {
  /**
   * UTF-8 bytes of the card as it travels in a request body (see cardBytes); default 29,700, so that the im/v1 body
   * with receive_id, msg_type and uuid stays within 30,000 bytes (the strict reading of 30 KB). Webhooks: ~19,000.
   */
  maxBytes?: number;
  /** Components, counting nested ones and every table row; default 200. */
  maxElements?: number;
}

/** The limits used when none are given. */
export const DEFAULT_CARD_LIMITS: Required<CardLimits> = { maxBytes: 29_700, maxElements: 200 };

/** Markdown elements whose element_id starts with this are lists, one item per line, that may be shortened. */
export const LIST_ID_PREFIX = 'list';

type Element = Record<string, unknown>;

interface Cuttable {
  index: number;
  kind: 'list' | 'table';
  items: unknown[];
  keep: number;
}

/**
 * Size of a card in a request body, in UTF-8 bytes: im/v1 sends it as the JSON string `content`, so it is measured
 * escaped (every quote and newline costs a byte more; a table-heavy card grows by several percent).
 */
export function cardBytes(card: Card): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(card)), 'utf8');
}

/** Components in a card body: every object with a `tag`, nested ones included, plus one per table row. */
export function countElements(card: Card): number {
  const body = card.body as { elements?: unknown[] } | undefined;
  return count(body?.elements ?? []);
}

function count(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + count(child), 0);
  if (!node || typeof node !== 'object') return 0;
  const obj = node as Element;
  let n = typeof obj.tag === 'string' ? 1 : 0;
  if (obj.tag === 'table' && Array.isArray(obj.rows)) return n + obj.rows.length;
  for (const value of Object.values(obj)) if (typeof value === 'object') n += count(value);
  return n;
}

/**
 * Shortens a card until it fits the limits: every list (markdown lines) and table (rows) keeps at most K items,
 * K the largest that fits (binary search, so long lists are cut evenly), and each shortened one ends with
 * "…还有 N 项". As a last resort, when even K = 0 does not fit, trailing elements are dropped.
 */
export function fitCard(card: Card, limits: CardLimits = {}): Card {
  const max = { ...DEFAULT_CARD_LIMITS, ...limits };
  if (fits(card, max)) return card;
  const elements = ((card.body as { elements?: Element[] } | undefined)?.elements ?? []).slice();
  const cuttables = findCuttables(elements);
  const withCap = (cap: number) => {
    for (const c of cuttables) c.keep = Math.min(c.items.length, cap);
    return assemble(card, elements, cuttables);
  };
  // No list can keep more items than fit in maxBytes at the smallest item's size: a tight start for huge lists.
  // Folded, not spread: a list of 100,000 items spread into Math.min would overflow the stack.
  let smallest = Infinity;
  let longest = 0;
  for (const c of cuttables) {
    longest = Math.max(longest, c.items.length);
    for (const item of c.items) smallest = Math.min(smallest, Buffer.byteLength(JSON.stringify(item), 'utf8'));
  }
  let low = 0;
  let high = Math.min(longest, Math.floor(max.maxBytes / Math.max(1, smallest)));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(withCap(mid), max)) low = mid;
    else high = mid - 1;
  }
  const fitted = withCap(low);
  return fits(fitted, max) ? fitted : dropTrailing(fitted, max);
}

/** True when the card is within the limits as it is (nothing to cut). */
export function fitsLimits(card: Card, limits: CardLimits = {}): boolean {
  return fits(card, { ...DEFAULT_CARD_LIMITS, ...limits });
}

function fits(card: Card, max: Required<CardLimits>): boolean {
  return cardBytes(card) <= max.maxBytes && countElements(card) <= max.maxElements;
}

function findCuttables(elements: Element[]): Cuttable[] {
  const found: Cuttable[] = [];
  elements.forEach((el, index) => {
    const id = typeof el.element_id === 'string' ? el.element_id : '';
    let items: unknown[] | null = null;
    if (el.tag === 'table' && Array.isArray(el.rows)) items = el.rows;
    else if (el.tag === 'markdown' && id.startsWith(LIST_ID_PREFIX) && typeof el.content === 'string') items = el.content.split('\n');
    if (items) found.push({ index, kind: el.tag === 'table' ? 'table' : 'list', items, keep: items.length });
  });
  return found;
}

const moreText = (n: number) => `…还有 ${n} 项`;

function assemble(card: Card, elements: Element[], cuttables: Cuttable[]): Card {
  const out: Element[] = [];
  elements.forEach((el, index) => {
    const cut = cuttables.find((c) => c.index === index);
    if (!cut || cut.keep === cut.items.length) {
      out.push(el);
      return;
    }
    const left = cut.items.length - cut.keep;
    if (cut.kind === 'list') {
      out.push({ ...el, content: [...(cut.items.slice(0, cut.keep) as string[]), moreText(left)].join('\n') });
    } else {
      if (cut.keep > 0) out.push({ ...el, rows: cut.items.slice(0, cut.keep) });
      out.push({ tag: 'markdown', content: moreText(left) });
    }
  });
  return { ...card, body: { ...(card.body as Element), elements: out } };
}

/** Last resort (a card with huge non-list text): drop elements from the end, noting the cut. */
function dropTrailing(card: Card, max: Required<CardLimits>): Card {
  const elements = ((card.body as { elements: Element[] }).elements ?? []).slice();
  let dropped = 0;
  let result = card;
  while (elements.length > 0 && !fits(result, max)) {
    elements.pop();
    dropped += 1;
    result = { ...card, body: { ...(card.body as Element), elements: [...elements, { tag: 'markdown', content: `…内容过长，另有 ${dropped} 段未显示` }] } };
  }
  return result;
}
