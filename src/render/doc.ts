/**
 * A small document model every report is turned into once; the text, markdown and card renderers
 * each render it, so a report's layout is written once and user text is escaped in one place per format.
 */
import type { Chart } from '../reports/charts.js';
import type { Mention } from '../reports/reminder-types.js';

/** Colours the renderers know (ANSI in the terminal, <font> in cards; markdown ignores them). */
export type Tone = 'red' | 'orange' | 'green' | 'grey';

/** A piece of inline content. Plain strings are user data: every renderer escapes them. */
export type Inline = string | { text: string; bold?: boolean; tone?: Tone } | { mention: Mention } | { link: string; text: string };

/** A table column; numeric columns are right-aligned. */
export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

/** A block of a document, rendered in order. */
export type Block =
  | { kind: 'heading'; text: string; tone?: Tone }
  | { kind: 'paragraph'; parts: Inline[] }
  /** A list the card renderer may shorten ("还有 N 项"); each item is one line. */
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; columns: TableColumn[]; rows: Record<string, string | number>[] }
  | { kind: 'divider' }
  /** A chart: drawn in cards (and as an image in documents); text and markdown show `fallback`, or nothing. */
  | { kind: 'chart'; chart: Chart; fallback?: Block }
  /** Buttons (and forms) for what a liaison can do about these tasks: cards only; text and markdown show nothing. */
  | { kind: 'taskActions'; tasks: { id: string; label: string }[] };

/** red: something overdue or escalated (or sheet errors); orange: due soon (or warnings); green: all well; blue: neutral. */
export type DocSeverity = 'red' | 'orange' | 'green' | 'blue';

/** A report ready to render: a title, a severity for the card header colour, a preview line and blocks. */
export interface Doc {
  title: string;
  severity: DocSeverity;
  /** One line shown in chat previews. */
  summary: string;
  blocks: Block[];
}

/** Shorthand for a bold inline. */
export const bold = (text: string, tone?: Tone): Inline => (tone ? { text, bold: true, tone } : { text, bold: true });

/** Shorthand for a coloured inline. */
export const toned = (text: string, tone: Tone): Inline => ({ text, tone });
