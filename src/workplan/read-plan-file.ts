/** Reading a work plan file (.txt, UTF-8 or GBK) for `duban import-plan`. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from '../ledger/encoding.js';
import { looksBinary } from '../ledger/local-file.js';

/** A plan file that cannot be read as text; the message is Chinese and says what to do. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

/** The plan's text; a missing, binary or .doc/.docx/.wps/.pdf file is refused with a Chinese message saying what to do. */
export async function readPlanFile(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext === '.doc' || ext === '.docx' || ext === '.wps' || ext === '.pdf') {
    throw new PlanFileError(`暂不支持读取 ${ext} 文件：请在 Word/WPS 中把“${path}”另存为纯文本（.txt，UTF-8 或 GBK 编码）后再导入。`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanFileError(`找不到工作方案文件 ${path}，请检查路径。`, { cause: error });
    throw new PlanFileError(`无法读取工作方案文件 ${path}（${code ?? String(error)}），请检查它是否为文件、是否有读取权限。`, { cause: error });
  }
  const { text } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new PlanFileError(`“${path}”不是纯文本文件（可能是 Word、Excel 或压缩文件）：请在 Word/WPS 中另存为纯文本（.txt，UTF-8 或 GBK 编码）后再导入。`);
  }
  return text;
}
