/** The Feishu card renderer of a document: card JSON 2.0, cut to the platform's limits. */
import type { Card } from './card.js';
import type { Block, Doc, Inline, TableColumn } from './doc.js';
import { escapeCardMarkdown, guardCardLineStart, isSafeUrl } from './escape.js';
import { fitCard, fitsLimits, LIST_ID_PREFIX, type CardLimits } from './fit-card.js';
import { actionHint, taskButtons, taskForm, type ActionStyle } from './task-actions.js';
import { chartElement } from './chart-element.js';
import { cardMention, type MentionIds } from './mentions.js';

/** Options of the Feishu card renderer. */
export interface CardOptions {
  /** Account → open_id for mentions; accounts that are not open_ids and not in the map become plain "@姓名". */
  mentionIds?: MentionIds;
  /** A link to the ledger, shown at the end of the card (http(s) only). */
  sheetUrl?: string | null;
  limits?: CardLimits;
  /** Replaces the document's title in the header (e.g. "督办周报 · 日期" for the weekly summary). */
  title?: string;
}

/**
 * Renders a document as a Feishu card JSON 2.0, cut to the size and element limits. Task actions take the richest
 * style that fits (a form per task, else buttons, else the text commands) before any list is shortened.
 */
export function renderDocCard(doc: Doc, options: CardOptions = {}): Card {
  const richer: ActionStyle[] = doc.blocks.some((b) => b.kind === 'taskActions') ? ['forms', 'buttons'] : [];
  const style = richer.find((s) => fitsLimits(buildCard(doc, options, s), options.limits)) ?? 'hint';
  return fitCard(buildCard(doc, options, style), options.limits);
}

function buildCard(doc: Doc, options: CardOptions, style: ActionStyle): Card {
  let lists = 0;
  let tables = 0;
  const elements: Record<string, unknown>[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'list') lists += 1;
    if (block.kind === 'table') tables += 1;
    elements.push(...blockElements(block, options.mentionIds, lists, tables, style));
  }
  if (options.sheetUrl && isSafeUrl(options.sheetUrl)) elements.push(markdown(`[打开督办台账](${options.sheetUrl})`));
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', summary: { content: doc.summary } },
    header: { title: { tag: 'plain_text', content: options.title ?? doc.title }, template: doc.severity },
    body: { elements },
  };
}

function blockElements(block: Block, mentionIds: MentionIds | undefined, listNo: number, tableNo: number, style: ActionStyle): Record<string, unknown>[] {
  if (block.kind !== 'taskActions') {
    const element = blockElement(block, mentionIds, listNo, tableNo);
    return element ? [element] : [];
  }
  if (style === 'forms') return block.tasks.map((t) => taskForm(t.id, escapeCardMarkdown(t.label)));
  if (style === 'buttons') return block.tasks.flatMap((t) => [markdown(escapeCardMarkdown(t.label)), taskButtons(t.id)]);
  return [markdown(`<font color='grey'>${escapeCardMarkdown(actionHint(block.tasks.map((t) => t.id)))}</font>`)];
}

function blockElement(block: Exclude<Block, { kind: 'taskActions' }>, mentionIds: MentionIds | undefined, listNo: number, tableNo: number): Record<string, unknown> | null {
  switch (block.kind) {
    case 'heading':
      return markdown(`**${toned(escapeCardMarkdown(block.text), block.tone)}**`);
    case 'paragraph':
      return markdown(guardCardLineStart(inlineCard(block.parts, mentionIds)));
    case 'list':
      if (block.items.length === 0) return null;
      return { ...markdown(block.items.map((item) => `- ${inlineCard(item, mentionIds)}`).join('\n')), element_id: `${LIST_ID_PREFIX}${listNo}` };
    case 'table':
      return tableElement(block.columns, block.rows, tableNo);
    case 'divider':
      return { tag: 'hr' };
    case 'chart':
      return chartElement(block.chart);
  }
}

function markdown(content: string): Record<string, unknown> {
  return { tag: 'markdown', content };
}

function toned(content: string, tone: string | undefined): string {
  return tone ? `<font color='${tone}'>${content}</font>` : content;
}

function inlineCard(parts: readonly Inline[], mentionIds: MentionIds | undefined): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeCardMarkdown(part);
      if ('mention' in part) return cardMention(part.mention, mentionIds);
      if ('link' in part) return isSafeUrl(part.link) ? `[${escapeCardMarkdown(part.text)}](${part.link})` : escapeCardMarkdown(part.text);
      const text = toned(escapeCardMarkdown(part.text), part.tone);
      return part.bold ? `**${text}**` : text;
    })
    .join('');
}

/** A table component: plain-text cells (not markdown, so nothing to escape), 10 rows a page. */
function tableElement(columns: readonly TableColumn[], rows: readonly Record<string, string | number>[], tableNo: number): Record<string, unknown> {
  return {
    tag: 'table',
    element_id: `table${tableNo}`,
    page_size: 10,
    row_height: 'low',
    freeze_first_column: true,
    header_style: { text_align: 'left', background_style: 'grey', bold: true },
    columns: columns.map((c) => ({
      name: c.key,
      display_name: c.label,
      data_type: c.numeric ? 'number' : 'text',
      ...(c.numeric ? { format: { precision: 0 } } : {}),
      width: 'auto',
    })),
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.numeric ? Number(r[c.key] ?? 0) : String(r[c.key] ?? '')]))),
  };
}
