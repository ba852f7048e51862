/** Reading a local ledger file's bytes and telling what they are: XLSX, text (CSV), or something unusable. */
import { isUtf8 } from 'node:buffer';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../domain/types.js';
import { decodeText, type TextEncodingName } from './encoding.js';
import { problem } from './problems.js';
import { LedgerReadError } from './read-error.js';
import { MAX_FILE_BYTES, fileTooLarge } from './limits.js';

/** A local ledger file: its bytes as read (a write-back checks them before replacing the file), and what they are. */
export type LocalFile =
  | { format: 'xlsx'; bytes: Buffer }
  | {
      format: 'text';
      bytes: Buffer;
      /** The content as UTF-8 bytes, without a BOM: the file's own bytes when it is UTF-8 (the CSV reader reads these). */
      utf8: Buffer;
      /** The content as text, decoded on first use. */
      readonly text: string;
      encoding: TextEncodingName;
      /** What was repaired while decoding (a line in another encoding, stray NUL bytes), for the ledger check. */
      problems: Problem[];
    };

/** A CSV (or other text) ledger file. */
export type TextFile = Extract<LocalFile, { format: 'text' }>;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const SAMPLE_CHARS = 65_536;
// UTF-8 takes up to 4 bytes a character: enough bytes for the sample.
const SAMPLE_BYTES = 4 * SAMPLE_CHARS;
// Control characters other than tab and line breaks, and undecodable bytes, do not occur in a real CSV.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;
const NUL = /\u0000/g;
// Lines named in a message; the rest are counted.
const LINES_NAMED = 5;

/** Reads the file and sniffs its format by content, not by extension; throws LedgerReadError when unusable. */
export async function readLocalFile(path: string): Promise<LocalFile> {
  const bytes = await readBytes(path);
  if (bytes.length === 0) throw emptyFile(path);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return { format: 'xlsx', bytes };
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new LedgerReadError('legacy_xls', path, `文件 ${path} 是旧版 Excel（.xls）格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再试`,
      `${path} is a legacy .xls (OLE) workbook; save it as .xlsx or CSV and point "sheet" at that file`);
  }
  const plain = plainUtf8(bytes);
  if (plain) {
    const head = plain.utf8.subarray(0, SAMPLE_BYTES).toString('utf8');
    if (looksBinary(head)) throw notText(path);
    const file = textFile(bytes, plain.utf8, plain.encoding, []);
    if (head.trim() === '' && (plain.utf8.length <= SAMPLE_BYTES || file.text.trim() === '')) throw emptyFile(path);
    return file;
  }
  const decoded = decodeText(bytes);
  // A few NUL bytes (a broken export, a bad copy) are dropped and reported; a file full of them is not text.
  const nulLines = linesWith(decoded.text, '\u0000');
  const text = nulLines.length > 0 ? decoded.text.replace(NUL, '') : decoded.text;
  if (looksBinary(text)) throw notText(path);
  if (text.trim() === '') throw emptyFile(path);
  const problems: Problem[] = [];
  if (decoded.gbkLines.length > 0) {
    problems.push(problem(null, '', 'warning', 'mixed_encoding',
      `文件 ${path} 是 UTF-8 编码，但${lineList(decoded.gbkLines)}是 GBK 编码（可能是从另一个文件粘贴的），已按 GBK 读取这些行；请在 Excel/WPS 中把整个文件另存为“CSV UTF-8”`));
  }
  if (nulLines.length > 0) {
    problems.push(problem(null, '', 'warning', 'nul_bytes',
      `文件 ${path} 的${lineList(nulLines)}含有空字符（NUL 字节，正常的表格不会有），已忽略这些字符；请核对这些行，或在 Excel/WPS 中重新另存为 CSV`));
  }
  return textFile(bytes, Buffer.from(text, 'utf8'), decoded.encoding, problems, text);
}

/** A UTF-8 file without NUL bytes, the common case: its bytes are read as they are, never decoded whole. */
function plainUtf8(bytes: Buffer): { utf8: Buffer; encoding: 'utf8' | 'utf8-bom' } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = bom ? bytes.subarray(3) : bytes;
  if (utf8.indexOf(0) !== -1 || !isUtf8(utf8)) return null;
  return { utf8, encoding: bom ? 'utf8-bom' : 'utf8' };
}

function textFile(bytes: Buffer, utf8: Buffer, encoding: TextEncodingName, problems: Problem[], decoded?: string): TextFile {
  let text = decoded;
  return {
    format: 'text',
    bytes,
    utf8,
    get text() {
      return (text ??= utf8.toString('utf8'));
    },
    encoding,
    problems,
  };
}

function notText(path: string): LedgerReadError {
  return new LedgerReadError('binary', path, `文件 ${path} 不是 CSV 或 XLSX 表格（内容无法识别），请确认文件是否选对`,
    `${path} is neither CSV text nor an XLSX workbook (binary content); check the "sheet" setting`);
}

/** The 1-based lines of `text` that contain `char`. */
function linesWith(text: string, char: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < at; nl = text.indexOf('\n', lineStart)) {
      line += 1;
      lineStart = nl + 1;
    }
    if (lines.at(-1) !== line) lines.push(line);
  }
  return lines;
}

/** "第 3、7 行" — the first few lines named, the rest counted. */
function lineList(lines: readonly number[]): string {
  const named = lines.slice(0, LINES_NAMED).join('、');
  return lines.length > LINES_NAMED ? `第 ${named} 行等 ${lines.length} 行` : `第 ${named} 行`;
}

/** True when decoded text is not text: more than 1% control characters or undecodable bytes in its first 64K characters. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  const strange = sample.match(NOT_TEXT)?.length ?? 0;
  return strange > Math.max(2, sample.length / 100);
}

/** The error for a file with no content. */
export function emptyFile(path: string): LedgerReadError {
  return new LedgerReadError('empty', path, `文件 ${path} 是空的：请填入表头（编号、任务、责任单位、截止日期……）和任务`,
    `${path} is empty; fill in the ledger or fix the "sheet" setting`);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    // Refused before reading: the whole file would be in memory.
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) throw fileTooLarge(path, size);
    return await readFile(path);
  } catch (error) {
    if (error instanceof LedgerReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new LedgerReadError('not_found', path, `找不到台账文件 ${path}，请检查路径`,
        `Ledger file ${path} not found; check the "sheet" setting or --sheet`);
    }
    if (code === 'EISDIR') {
      throw new LedgerReadError('directory', path, `${path} 是文件夹，不是台账文件：${await tablesInFolder(path)}`,
        `${path} is a folder, not a ledger file; point "sheet" or --sheet at a CSV or XLSX file in it`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new LedgerReadError('unreadable', path, `没有权限读取台账文件 ${path}：请检查文件权限，或换一个 duban 可以读取的位置`,
        `Cannot read ledger file ${path} (${code}); check its permissions`);
    }
    throw new LedgerReadError('unreadable', path, `无法读取台账文件 ${path}（${code ?? '未知错误'}）`,
      `Cannot read ledger file ${path} (${code ?? String(error)}); check the path and its permissions`);
  }
}

/** What to point at instead of a folder: the table files in it, or how to name one. */
async function tablesInFolder(path: string): Promise<string> {
  const files = (await readdir(path).catch(() => [] as string[])).filter((name) => /\.(csv|xlsx)$/i.test(name)).sort();
  if (files.length === 0) return '其中没有 CSV 或 XLSX 文件；请给出台账文件的路径，例如 --sheet tasks.csv';
  const shown = files.slice(0, 5).map((name) => join(path, name)).join('、');
  return `请给出其中的台账文件，例如 ${shown}`;
}
