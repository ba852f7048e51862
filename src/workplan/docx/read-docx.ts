/**
 * A Word file (.docx, the OOXML zip) → the plan's paragraphs and tables. Paragraphs keep their heading level and
 * the number Word shows before a list item; tables are read cell by cell, horizontal and vertical merges marked
 * and filled with the merged cell's text.
 */
import JSZip from 'jszip';
import type { PlanBlock, PlanDocument, PlanParagraph, PlanTable, TableCell } from '../types.js';
import { createNumbering } from './numbering.js';
import { numberingOf, outlineLevel, readStyles, type ParagraphStyle } from './styles.js';
import { child, childVal, elements, parseXml, type XmlElement, type XmlNode } from './xml-tree.js';

// Runs and containers whose text is the paragraph's; deleted text, field codes and properties are not.
const SKIPPED = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:delText', 'w:instrText', 'w:drawing', 'w:pict', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'mc:AlternateContent']);

/** Reads the document's body; throws when the bytes are not a Word document. */
export async function readDocx(bytes: Buffer): Promise<PlanDocument> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string): Promise<XmlElement | null> => {
    const file = zip.file(path);
    return file ? parseXml(await file.async('string')) : null;
  };
  const document = await xml('word/document.xml');
  const body = child(document ?? undefined, 'w:body');
  if (!body) throw new Error('word/document.xml has no body: not a Word document');
  const reader = new BodyReader(readStyles(await xml('word/styles.xml')), createNumbering(await xml('word/numbering.xml')));
  return { blocks: reader.blocks(body), unit: '段' };
}

class BodyReader {
  private line = 0;
  private tables = 0;

  constructor(
    private readonly styles: Map<string, ParagraphStyle>,
    private readonly numbering: ReturnType<typeof createNumbering>,
  ) {}

  /** The paragraphs and tables of a body (or a content control's content), in order. */
  blocks(container: XmlElement): PlanBlock[] {
    const blocks: PlanBlock[] = [];
    for (const element of elements(container)) {
      if (element.name === 'w:p') blocks.push(this.paragraph(element));
      else if (element.name === 'w:tbl') blocks.push(this.table(element));
      else if (element.name === 'w:sdt') blocks.push(...this.blocks(child(element, 'w:sdtContent') ?? element));
    }
    return blocks;
  }

  private paragraph(p: XmlElement): PlanParagraph {
    const pPr = child(p, 'w:pPr');
    const style = this.styles.get(childVal(pPr, 'w:pStyle') ?? '') ?? {};
    const list = numberingOf(pPr) ?? style.numbering;
    const number = list ? this.numbering.next(list) : '';
    const heading = outlineLevel(pPr) ?? style.heading;
    const paragraph: PlanParagraph = { kind: 'paragraph', text: `${number}${runText(p)}`.trim(), line: ++this.line };
    if (heading !== undefined) paragraph.heading = heading;
    return paragraph;
  }

  private table(tbl: XmlElement): PlanTable {
    const rows: TableCell[][] = [];
    const rowLines: number[] = [];
    for (const tr of elements(tbl, 'w:tr')) {
      const row: TableCell[] = [];
      let column = Number(childVal(child(tr, 'w:trPr'), 'w:gridBefore') ?? 0);
      for (let c = 0; c < column; c++) row.push({ text: '', merged: 'left' });
      rowLines.push(this.line + 1);
      for (const tc of elements(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Number(childVal(tcPr, 'w:gridSpan') ?? 1));
        const vMerge = child(tcPr, 'w:vMerge');
        const text = this.cellText(tc);
        // A vertical merge continues the cell above: its text is the merged cell's.
        const continued = vMerge !== undefined && vMerge.attributes['w:val'] !== 'restart';
        const cell: TableCell = continued ? { text: rows.at(-1)?.[column]?.text ?? '', merged: 'up' } : { text };
        row[column] = cell;
        for (let k = 1; k < span; k++) row[column + k] = { text: cell.text, merged: continued ? 'up' : 'left' };
        column += span;
      }
      rows.push(row);
    }
    this.tables += 1;
    return { kind: 'table', rows, rowNumbers: rows.map((_, i) => i + 1), rowLines, label: `表${this.tables}`, mergesKnown: true };
  }

  /** A cell's paragraphs (and nested tables' text), one per line. */
  private cellText(tc: XmlElement): string {
    const lines: string[] = [];
    for (const block of this.blocks(tc)) {
      if (block.kind === 'paragraph') lines.push(block.text);
      else lines.push(...block.rows.map((row) => row.filter((cell) => !cell.merged).map((cell) => cell.text).join(' ')));
    }
    return lines.join('\n').trim();
  }
}

/** The text of a paragraph's runs: w:t text, tabs, line breaks; hyperlinks and insertions included. */
function runText(node: XmlElement): string {
  let text = '';
  const visit = (n: XmlNode, inText: boolean): void => {
    if (typeof n === 'string') {
      if (inText) text += n;
      return;
    }
    if (SKIPPED.has(n.name)) return;
    if (n.name === 'w:tab') text += '\t';
    else if (n.name === 'w:br' && n.attributes['w:type'] !== 'page') text += '\n';
    else if (n.name === 'w:cr') text += '\n';
    for (const c of n.children) visit(c, n.name === 'w:t');
  };
  for (const c of node.children) visit(c, false);
  return text;
}
