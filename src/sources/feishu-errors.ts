/** Feishu Sheets / Bitable failures as messages the office can act on. */
import { FeishuApiError } from '../feishu/feishu-api.js';
import { SourceError } from './source-error.js';

const NO_ACCESS = new Set([1310213, 1254302, 99991672, 91403, 1254027]);
const NOT_FOUND = new Set([1310214, 1310249, 1254003, 1254004, 1254040, 1254041, 91402]);

/** `what` names the document ("飞书表格 shtXXX"); `scope` is the permission the app needs. */
export function explainFeishuError(error: unknown, what: string, scope: string): SourceError {
  if (error instanceof SourceError) return error;
  if (!(error instanceof FeishuApiError)) return new SourceError(`${what} 读取失败：${String(error)}`, { cause: error });
  const cause = { cause: error };
  if (NO_ACCESS.has(error.code) || error.httpStatus === 403) {
    return new SourceError(
      `应用没有${what}的权限：请在文档右上角“…”→“添加文档应用”中加入应用（需可编辑），并在飞书开放平台为应用开通 ${scope} 权限。`,
      cause,
    );
  }
  if (NOT_FOUND.has(error.code)) return new SourceError(`找不到${what}：请检查链接（或已被删除）。`, cause);
  return new SourceError(`${what} 访问失败：${error.hint}（错误码 ${error.code}）`, cause);
}
