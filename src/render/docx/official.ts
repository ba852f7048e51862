/**
 * The look of a Chinese official document (公文) in Word, shared by the 督办通报 and the 督办通知单: A4 with the
 * usual margins, body text in 仿宋_GB2312 三号 with a two-character first-line indent, headings in 黑体, the title
 * in 黑体 二号, tables in 仿宋_GB2312 with 黑体 headers, page numbers "— 1 —" at the foot.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type ISectionOptions,
} from 'docx';

/** Font names as Chinese offices' Word templates spell them (Word matches them by name; WPS ships both). */
export const FONTS = { body: '仿宋_GB2312', heading: '黑体', latin: 'Times New Roman' } as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, small: 28, table: 21 } as const;

/** A4 in twentieths of a point, with margins of 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
export const A4 = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } as const;

/** The text area's width (twips), for full-width tables and images. */
export const TEXT_WIDTH = A4.width - A4.margin.left - A4.margin.right;

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

/** A run of text in a font role and size. */
export function run(text: string, options: { heading?: boolean; size?: number; bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: font(options.heading ? FONTS.heading : FONTS.body), size: options.size ?? SIZES.body, bold: options.bold, color: options.color });
}

/** The document title, centred, 黑体 二号. */
export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, { heading: true, size: SIZES.title })] });
}

/** A centred line in the body font (文号, the period under the title). */
export function centred(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(text)] });
}

/** A numbered heading ("一、总体情况") in 黑体 三号, kept on the page of what follows it. */
export function heading(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, indent: { firstLine: 640 }, children: [run(text, { heading: true })] });
}

/** A note under a table, in 五号. */
export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(text, { size: SIZES.table })] });
}

/** A body paragraph with the two-character first-line indent. */
export function body(text: string | TextRun[]): Paragraph {
  return new Paragraph({ spacing: { line: 560, lineRule: 'exact' }, indent: { firstLine: 640 }, children: typeof text === 'string' ? [run(text)] : text });
}

/** A right-aligned line (the issuer and the date under the text). */
export function right(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(text)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

/** A full-width table: a 黑体 header row, then the rows in 仿宋_GB2312 五号; numeric columns centred. */
export function table(columns: readonly { label: string; numeric?: boolean; weight?: number }[], rows: readonly (string | number)[][]): Table {
  const total = columns.reduce((n, c) => n + (c.weight ?? 1), 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * (c.weight ?? 1)) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders,
      children: [
        new Paragraph({
          alignment: header || columns[i].numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { heading: header, size: SIZES.table })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.label, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(String(v), i, false)) })),
    ],
  });
}

/** "2026年4月1日", as dates are written under an official text. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Packs one A4 section of these children into a .docx file, with "— N —" page numbers at the foot. */
export async function officialDocx(meta: { title: string; creator: string }, children: ISectionOptions['children']): Promise<Buffer> {
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.body), size: SIZES.small })] })],
  });
  const document = new Document({
    title: meta.title,
    creator: meta.creator,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZES.body } } } },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: A4.margin } }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(document);
}
