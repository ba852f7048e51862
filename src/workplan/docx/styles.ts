/** Word paragraph styles (word/styles.xml): which are headings and at what level, and which carry list numbering. */
import { child, childVal, elements, type XmlElement } from './xml-tree.js';

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

export interface ParagraphStyle {
  /** 1 for 标题 1 / Heading 1; undefined for body text. */
  heading?: number;
  numbering?: NumberingRef;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

/** The paragraph styles by id, with what they inherit (basedOn) resolved. */
export function readStyles(root: XmlElement | null): Map<string, ParagraphStyle> {
  const raw = new Map<string, { own: ParagraphStyle; basedOn?: string }>();
  for (const style of root ? elements(root, 'w:style') : []) {
    if (style.attributes['w:type'] !== 'paragraph') continue;
    const id = style.attributes['w:styleId'];
    if (!id) continue;
    const pPr = child(style, 'w:pPr');
    const own: ParagraphStyle = {};
    const level = outlineLevel(pPr) ?? headingFromName(childVal(style, 'w:name'));
    if (level !== undefined) own.heading = level;
    const numbering = numberingOf(pPr);
    if (numbering) own.numbering = numbering;
    raw.set(id, { own, basedOn: childVal(style, 'w:basedOn') });
  }
  const resolved = new Map<string, ParagraphStyle>();
  const resolve = (id: string, depth = 0): ParagraphStyle => {
    const done = resolved.get(id);
    if (done) return done;
    const entry = raw.get(id);
    if (!entry) return {};
    const base = entry.basedOn && depth < 10 ? resolve(entry.basedOn, depth + 1) : {};
    const style = { ...base, ...entry.own };
    resolved.set(id, style);
    return style;
  };
  for (const id of raw.keys()) resolve(id);
  return resolved;
}

/** The outline level a paragraph's properties give it (w:outlineLvl 0 = level 1; 9 is body text). */
export function outlineLevel(pPr: XmlElement | undefined): number | undefined {
  const value = childVal(pPr, 'w:outlineLvl');
  const level = value === undefined ? NaN : Number(value);
  return level >= 0 && level < 9 ? level + 1 : undefined;
}

/** The list a paragraph's (or style's) properties put it in. */
export function numberingOf(pPr: XmlElement | undefined): NumberingRef | undefined {
  const numPr = child(pPr, 'w:numPr');
  const numId = childVal(numPr, 'w:numId');
  if (numId === undefined || numId === '0') return undefined;
  return { numId, ilvl: Number(childVal(numPr, 'w:ilvl') ?? 0) };
}

function headingFromName(name: string | undefined): number | undefined {
  const m = HEADING_NAME.exec(name ?? '');
  return m ? Number(m[1]) : undefined;
}
