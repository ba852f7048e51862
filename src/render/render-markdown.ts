/** The markdown renderer of a document (`--format markdown`). */
import type { Block, Doc, Inline, TableColumn } from './doc.js';
import { escapeMarkdown, isSafeUrl } from './escape.js';

/** Renders a document as GitHub-flavoured markdown (user text escaped; links only for http(s) URLs). */
export function renderDocMarkdown(doc: Doc): string {
  const out = [`## ${escapeMarkdown(doc.title)}`];
  // One push per line: a list of 100,000 tasks spread into one call would overflow the stack.
  for (const block of doc.blocks) for (const line of blockMarkdown(block)) out.push(line);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function blockMarkdown(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return ['', `### ${escapeMarkdown(block.text)}`, ''];
    case 'paragraph':
      return ['', inlineMarkdown(block.parts), ''];
    case 'list':
      return block.items.map((item) => `- ${inlineMarkdown(item)}`);
    case 'table':
      return ['', ...tableMarkdown(block.columns, block.rows), ''];
    case 'taskActions':
      return [];
    case 'divider':
      return ['', '---', ''];
    case 'chart':
      return block.fallback ? blockMarkdown(block.fallback) : [];
  }
}

function inlineMarkdown(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      if ('mention' in part) return `@${escapeMarkdown(part.mention.name)}`;
      if ('link' in part) return isSafeUrl(part.link) ? `[${escapeMarkdown(part.text)}](${part.link})` : escapeMarkdown(part.text);
      return part.bold ? `**${escapeMarkdown(part.text)}**` : escapeMarkdown(part.text);
    })
    .join('');
}

function tableMarkdown(columns: readonly TableColumn[], rows: readonly Record<string, string | number>[]): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(columns.map((c) => escapeMarkdown(c.label))),
    row(columns.map((c) => (c.numeric ? '---:' : '---'))),
    ...rows.map((r) => row(columns.map((c) => escapeMarkdown(String(r[c.key] ?? ''))))),
  ];
}
