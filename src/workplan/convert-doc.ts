/**
 * Old binary Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice when it is installed
 * (`soffice --headless --convert-to docx`); without it, the user is told how to save the file as .docx.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Why a conversion could not be done; the message is Chinese and says what to do. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
}

export interface ConvertOptions {
  /** The LibreOffice command (default: soffice, then libreoffice, on PATH); tests name a stand-in. */
  commands?: readonly string[];
  timeoutMs?: number;
}

const DEFAULT_COMMANDS = ['soffice', 'libreoffice'];
const TIMEOUT_MS = 120_000;

/** The .docx bytes of a .doc/.wps file, converted in a temporary folder that is removed afterwards. */
export async function convertToDocx(path: string, options: ConvertOptions = {}): Promise<Buffer> {
  const outDir = await mkdtemp(join(tmpdir(), 'duban-convert-'));
  try {
    for (const command of options.commands ?? DEFAULT_COMMANDS) {
      const ran = await run(command, ['--headless', '--convert-to', 'docx', '--outdir', outDir, path], options.timeoutMs ?? TIMEOUT_MS);
      if (ran === 'missing') continue;
      if (ran !== 'ok') throw new ConversionError(`用 LibreOffice 转换“${basename(path)}”失败（${ran}）：请在 Word/WPS 中打开它，“另存为” Word 文档（.docx）后再导入。`);
      const [docx] = (await readdir(outDir)).filter((name) => name.toLowerCase().endsWith('.docx'));
      if (!docx) throw new ConversionError(`LibreOffice 没有把“${basename(path)}”转换成 .docx：请在 Word/WPS 中打开它，“另存为” Word 文档（.docx）后再导入。`);
      return await readFile(join(outDir, docx));
    }
    throw new ConversionError(
      `“${basename(path)}”是旧版 Word/WPS 文件，本机没有安装 LibreOffice（找不到 soffice 命令），无法自动转换：请在 Word 或 WPS 中打开它，点“文件 → 另存为”，文件类型选“Word 文档（*.docx）”，再导入新文件。`,
    );
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Runs the command: 'ok', 'missing' when it is not installed, or what went wrong. */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve('ok');
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve('missing');
      resolve(error.killed ? `超过 ${Math.round(timeoutMs / 1000)} 秒未完成` : String(stderr || error.message).trim().slice(0, 200));
    });
  });
}
