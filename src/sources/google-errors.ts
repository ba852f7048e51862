/** Google API failures: which ones to retry, and the Chinese message for the ones that are the user's to fix. */
import type { RetryVerdict } from '../retry/with-retry.js';
import { SourceError } from './source-error.js';

interface GaxiosLike {
  status?: number;
  code?: string | number;
  message?: string;
  // The Sheets API answers {"error": {status, …}}; the OAuth token endpoint answers {"error": "invalid_grant", …}.
  response?: { status?: number; headers?: { get?(name: string): string | null }; data?: { error?: { status?: string } | string } };
}

function statusOf(error: unknown): number | undefined {
  const e = error as GaxiosLike;
  return e?.response?.status ?? e?.status;
}

/** 429 and 5xx are retried (Retry-After honoured), and so are network failures with no response at all. */
export function classifyGoogleError(error: unknown): RetryVerdict {
  const status = statusOf(error);
  if (status === 429 || (status !== undefined && status >= 500)) {
    const after = Number((error as GaxiosLike).response?.headers?.get?.('retry-after'));
    return { retry: true, reason: `HTTP ${status}`, hintMs: Number.isFinite(after) && after > 0 ? after * 1000 : undefined };
  }
  if (status === undefined && error instanceof Error && !(error instanceof SourceError)) {
    return { retry: true, reason: `network: ${String((error as GaxiosLike).code ?? error.message)}` };
  }
  return { retry: false };
}

/** For an append, only a quota refusal is retried: after a server error or a lost answer the rows may already be there. */
export function classifyGoogleAppendError(error: unknown): RetryVerdict {
  const verdict = classifyGoogleError(error);
  return verdict.retry && statusOf(error) === 429 ? verdict : { retry: false };
}

/** Turns a final Google failure into a SourceError that says what to do. */
export function explainGoogleError(error: unknown, spreadsheetId: string, account: string | null): SourceError {
  if (error instanceof SourceError) return error;
  const status = statusOf(error);
  const body = (error as GaxiosLike).response?.data?.error;
  const canonical = typeof body === 'object' ? body.status : undefined;
  const detail = (error as GaxiosLike).message ?? String(error);
  const who = account ?? 'GOOGLE_ACCESS_TOKEN 对应的账号';
  const cause = { cause: error };
  if (status === 403 && /has not been used|disabled/i.test(detail)) {
    return new SourceError('Google Sheets API 尚未在服务账号所属的项目中启用，请在 Cloud 控制台启用后重试。', cause);
  }
  if (status === 403) return new SourceError(`没有权限访问 Google 表格 ${spreadsheetId}：请把表格共享给 ${who}（编辑者）。`, cause);
  if (status === 404) return new SourceError(`找不到 Google 表格 ${spreadsheetId}：请检查链接中的表格编号。`, cause);
  // A service-account key that was deleted or rotated, a disabled account or a clock far off: the token endpoint
  // refuses the signed JWT with HTTP 400 "invalid_grant" (the OAuth error for a bad grant) before any Sheets request is made.
  if (status === 401 || (status === 400 && typeof body === 'string')) {
    return new SourceError('Google 凭据无效或已过期，请检查 GOOGLE_APPLICATION_CREDENTIALS / GOOGLE_SERVICE_ACCOUNT_JSON / GOOGLE_ACCESS_TOKEN（或配置中的 google.credentials）。', cause);
  }
  if (status === 400 && canonical === 'FAILED_PRECONDITION') {
    return new SourceError(`Google 表格 ${spreadsheetId} 是上传的 Excel 文件，请先“文件 → 保存为 Google 表格”，再使用新链接。`, cause);
  }
  if (status === 429) return new SourceError(`Google 表格 ${spreadsheetId} 访问过于频繁（配额已用尽），一分钟后仍未恢复，请稍后再试。`, cause);
  if (status !== undefined && status >= 500) return new SourceError(`Google 服务器暂时出错（HTTP ${status}），重试后仍失败，请稍后再试。`, cause);
  if (status === undefined) return new SourceError(`无法连接 Google 表格服务（${detail}），请检查网络后重试。`, cause);
  return new SourceError(`Google 表格 ${spreadsheetId} 请求失败（HTTP ${status}）：${detail}`, cause);
}
