/** The terminal renderer of a document: aligned text, colour only when asked. */
import type { Block, Doc, Inline, TableColumn } from './doc.js';
import { ansi } from './text-style.js';
import { displayWidth, padDisplay } from './width.js';

/** Options of the terminal renderer. */
export interface TextOptions {
  /** ANSI colours; the CLI sets it from process.stdout.isTTY. Default false. */
  color?: boolean;
}

/** Renders a document as terminal text: aligned columns (Chinese counts two columns), colour only when asked. */
export function renderDocText(doc: Doc, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const lines = [ansi(doc.title, 'bold', color), '='.repeat(displayWidth(doc.title))];
  // One push per line: a list of 100,000 tasks spread into one call would overflow the stack.
  for (const block of doc.blocks) for (const line of blockLines(block, color)) lines.push(line);
  return `${lines.join('\n')}\n`;
}

function blockLines(block: Block, color: boolean): string[] {
  switch (block.kind) {
    case 'heading':
      return ['', ansi(`【${block.text}】`, block.tone ?? 'bold', color)];
    case 'paragraph':
      return [inlineText(block.parts, color)];
    case 'list':
      return block.items.map((item) => `  · ${inlineText(item, color)}`);
    case 'table':
      return tableLines(block.columns, block.rows);
    case 'taskActions':
      return [];
    case 'divider':
      return ['─'.repeat(40)];
    case 'chart':
      return block.fallback ? blockLines(block.fallback, color) : [];
  }
}

/** Joins inline parts; user text has its line breaks flattened so a list item stays one line. */
function inlineText(parts: readonly Inline[], color: boolean): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return flatten(part);
      if ('mention' in part) return `@${flatten(part.mention.name)}`;
      if ('link' in part) return `${flatten(part.text)} ${part.link}`;
      return ansi(flatten(part.text), part.tone ?? (part.bold ? 'bold' : undefined), color);
    })
    .join('');
}

function flatten(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A table with columns padded to the widest cell; numbers right-aligned. */
function tableLines(columns: readonly TableColumn[], rows: readonly Record<string, string | number>[]): string[] {
  const cell = (row: Record<string, string | number>, c: TableColumn) => flatten(String(row[c.key] ?? ''));
  const widths = columns.map((c) => rows.reduce((max, r) => Math.max(max, displayWidth(cell(r, c))), displayWidth(c.label)));
  const line = (values: string[]) =>
    values.map((v, i) => padDisplay(v, widths[i], columns[i].numeric ? 'right' : 'left')).join('  ').trimEnd();
  return [
    line(columns.map((c) => c.label)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(columns.map((c) => cell(r, c)))),
  ];
}
