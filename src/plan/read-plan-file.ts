/** Reading a work plan file (.txt, UTF-8 or GBK) for `duban import-plan`. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from '../ledger/encoding.js';

/** The plan's text; a .doc/.docx/.wps file is refused with a Chinese message saying how to convert it. */
export async function readPlanFile(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext === '.doc' || ext === '.docx' || ext === '.wps' || ext === '.pdf') {
    throw new Error(`暂不支持读取 ${ext} 文件：请在 Word/WPS 中把“${path}”另存为纯文本（.txt，UTF-8 或 GBK 编码）后再导入。`);
  }
  return decodeText(await readFile(path)).text;
}
