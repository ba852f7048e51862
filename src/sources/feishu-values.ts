/** Flattening the rich values Feishu returns (text segments, links, mentions) into plain cells (pure). */
import type { Cell } from '../domain/types.js';

interface Segment {
  text?: unknown;
  name?: unknown;
  link?: unknown;
}

/**
 * A cell from Feishu Sheets or a Bitable text field: primitives pass through; segment arrays
 * ([{type:'text',text}, {type:'mention',text:'@张三'}]) and {text, link} objects become their text.
 */
export function flattenFeishuValue(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => cellPart(v)).join('');
  return cellPart(value);
}

function cellPart(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const seg = value as Segment;
  if (typeof seg.text === 'string') return seg.text;
  if (typeof seg.name === 'string') return seg.name;
  if (typeof seg.link === 'string') return seg.link;
  return '';
}
