/**
 * Reading a work plan file for `duban import-plan`: text (.txt, UTF-8 or GBK), Word (.docx; .doc and .wps through
 * LibreOffice), or a task table (.xlsx, .csv). Unreadable files are refused with a Chinese message saying what to do.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText } from '../ledger/encoding.js';
import { looksBinary } from '../ledger/local-file.js';
import { convertToDocx, ConversionError, type ConvertOptions } from './convert-doc.js';
import { readDocx } from './docx/read-docx.js';
import { textDocument } from './import-plan.js';
import { csvPlan, readXlsxPlan } from './read-sheet-plan.js';
import type { PlanDocument } from './types.js';

/** A plan file that cannot be read; the message is Chinese and says what to do. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

export interface ReadPlanOptions {
  /** How .doc/.wps files are converted (tests name a stand-in for LibreOffice). */
  convert?: ConvertOptions;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const PDF = Buffer.from('%PDF');
const SAVE_AS_DOCX = '请在 Word/WPS 中打开它，“另存为” Word 文档（.docx）后再导入';

/** The plan as paragraphs and tables. */
export async function readPlanFile(path: string, options: ReadPlanOptions = {}): Promise<PlanDocument> {
  const ext = extname(path).toLowerCase();
  const bytes = await readBytes(path);
  const name = basename(path);
  const zip = bytes.subarray(0, 4).equals(ZIP);
  if (bytes.subarray(0, 4).equals(PDF) || ext === '.pdf') {
    throw new PlanFileError(`暂不支持读取 PDF 文件“${name}”：请用 Word/WPS 打开并另存为 .docx，或把文字复制保存为 .txt 后再导入。`);
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    return guard(() => readXlsxPlan(bytes), `“${name}”不是可读取的 Excel 工作簿（可能已损坏）：请在 Excel/WPS 中重新另存为 .xlsx 后再导入。`);
  }
  if (ext === '.xls' || (ext === '.et' && !zip)) {
    throw new PlanFileError(`“${name}”是旧版 Excel 表格：请在 Excel/WPS 中“另存为” Excel 工作簿（.xlsx）后再导入。`);
  }
  if (ext === '.docx' || ((ext === '.doc' || ext === '.wps') && zip)) {
    return guard(() => readDocx(bytes), `“${name}”不是可读取的 Word 文档（可能已损坏或加了密码）：${SAVE_AS_DOCX}。`);
  }
  if (ext === '.doc' || ext === '.wps') {
    const docx = await guard(() => convertToDocx(path, options.convert), `“${name}”无法转换：${SAVE_AS_DOCX}。`);
    return guard(() => readDocx(docx), `“${name}”转换后无法读取：${SAVE_AS_DOCX}。`);
  }
  const { text } = decodeText(bytes);
  if (zip || bytes.subarray(0, 4).equals(OLE) || looksBinary(text)) {
    throw new PlanFileError(`“${path}”不是纯文本文件（可能是 Word、Excel 或压缩文件）：请使用正确的扩展名（.docx、.xlsx），或在 Word/WPS 中另存为纯文本（.txt）后再导入。`);
  }
  return ext === '.csv' ? csvPlan(text) : textDocument(text);
}

async function readBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanFileError(`找不到工作方案文件 ${path}，请检查路径。`, { cause: error });
    throw new PlanFileError(`无法读取工作方案文件 ${path}（${code ?? String(error)}），请检查它是否为文件、是否有读取权限。`, { cause: error });
  }
  if (bytes.length === 0) throw new PlanFileError(`工作方案文件 ${path} 是空的，请检查是否选对了文件。`);
  return bytes;
}

/** Runs a reader; a conversion problem keeps its own message, any other failure becomes `message`. */
async function guard<T>(read: () => Promise<T>, message: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ConversionError) throw new PlanFileError(error.message, { cause: error });
    throw new PlanFileError(message, { cause: error });
  }
}
