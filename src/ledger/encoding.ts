/** Text encodings of CSV files as Excel and WPS write them: UTF-8 (with or without BOM), GBK, UTF-16LE. */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** How a text file was encoded, so a write-back can keep it. 'utf16le' is Excel's "Unicode text" (with BOM). */
export type TextEncodingName = 'utf8' | 'utf8-bom' | 'gbk' | 'utf16le';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/** Decodes a file's bytes: a BOM decides; otherwise valid UTF-8 is UTF-8, anything else is read as GBK. */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  if (startsWith(buf, UTF8_BOM)) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf8-bom' };
  if (startsWith(buf, UTF16LE_BOM)) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf8' };
  return { text: iconv.decode(buf, 'gbk'), encoding: 'gbk' };
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
      return iconv.encode(text, 'gbk');
  }
}

/** The characters of `text` that `encoding` cannot hold (GBK has no emoji and few rare characters), each once; '' when all fit. */
export function unencodableChars(text: string, encoding: TextEncodingName): string {
  if (encoding !== 'gbk' || iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text) return '';
  const lost = new Set<string>();
  for (const char of text) if (iconv.decode(iconv.encode(char, 'gbk'), 'gbk') !== char) lost.add(char);
  return [...lost].join('');
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
