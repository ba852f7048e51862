/** Text encodings of CSV files as Excel and WPS write them: UTF-8 (with or without BOM), GBK, UTF-16LE. */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

// iconv-lite is loaded for GBK only: a UTF-8 ledger (most of them) never needs it.
let loaded: typeof import('iconv-lite') | null = null;
const iconvLite = (): typeof import('iconv-lite') => (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

/** How a text file was encoded, so a write-back can keep it. 'utf16le' is Excel's "Unicode text" (with BOM). */
export type TextEncodingName = 'utf8' | 'utf8-bom' | 'gbk' | 'utf16le';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Lines (1-based, as a text editor counts them) that were not UTF-8 in a file otherwise written in UTF-8: each
   * was read as GBK (a line pasted from another file). Empty for a file in one encoding.
   */
  gbkLines: number[];
}

const NEWLINE = 0x0a;

/**
 * Decodes a file's bytes: a BOM decides; otherwise valid UTF-8 is UTF-8. Bytes that are not UTF-8 are GBK, unless
 * most lines with Chinese text are UTF-8: then only the other lines are read as GBK (and listed in gbkLines).
 */
export function decodeText(buf: Buffer): DecodedText {
  if (startsWith(buf, UTF8_BOM)) return decodeUtf8(buf.subarray(3), 'utf8-bom');
  if (startsWith(buf, UTF16LE_BOM)) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf16le', gbkLines: [] };
  return decodeUtf8(buf, 'utf8');
}

function decodeUtf8(buf: Buffer, encoding: 'utf8' | 'utf8-bom'): DecodedText {
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding, gbkLines: [] };
  const lines = splitLines(buf);
  const gbkLines: number[] = [];
  let utf8Lines = 0;
  lines.forEach((line, i) => {
    if (isAscii(line)) return;
    if (isUtf8(line)) utf8Lines += 1;
    else gbkLines.push(i + 1);
  });
  if (utf8Lines <= gbkLines.length) return { text: iconvLite().decode(buf, 'gbk'), encoding: 'gbk', gbkLines: [] };
  const gbk = new Set(gbkLines);
  const text = lines.map((line, i) => (gbk.has(i + 1) ? iconvLite().decode(line, 'gbk') : line.toString('utf8'))).join('\n');
  return { text, encoding, gbkLines };
}

/** The bytes of each line, without the line feed (a carriage return stays with its line, as the CSV reader expects). */
function splitLines(buf: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = buf.indexOf(NEWLINE); at !== -1; at = buf.indexOf(NEWLINE, start)) {
    lines.push(buf.subarray(start, at));
    start = at + 1;
  }
  lines.push(buf.subarray(start));
  return lines;
}

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** Encodes text for writing back in the file's original encoding (BOMs included). */
export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]);
    case 'gbk':
      return iconvLite().encode(text, 'gbk');
  }
}

/** The characters of `text` that `encoding` cannot hold (GBK has no emoji and few rare characters), each once; '' when all fit. */
export function unencodableChars(text: string, encoding: TextEncodingName): string {
  if (encoding !== 'gbk' || iconvLite().decode(iconvLite().encode(text, 'gbk'), 'gbk') === text) return '';
  const lost = new Set<string>();
  for (const char of text) if (iconvLite().decode(iconvLite().encode(char, 'gbk'), 'gbk') !== char) lost.add(char);
  return [...lost].join('');
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
