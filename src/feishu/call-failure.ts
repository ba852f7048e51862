/** What went wrong with one Feishu call, read from whatever the SDK threw or returned. */
import { CREDENTIAL_CODES, QUOTA_CODE, RETRYABLE_CODES, TOKEN_CODES } from './error-codes.js';

export interface CallFailure {
  /** Feishu business code, or 0 when there was none (network, timeout). */
  code: number;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  msg: string;
  /** Seconds from `x-ogw-ratelimit-reset`, when the server sent it. */
  resetSeconds?: number;
  logId?: string;
}

export type FailureKind = 'quota' | 'token' | 'retry' | 'fatal';

interface AxiosLike {
  message?: string;
  code?: string;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

/** Reads a failure from a thrown error: an AxiosError (non-2xx or network) or the SDK's token error. */
export function failureFromError(error: unknown): CallFailure {
  const e = (error ?? {}) as AxiosLike;
  if (e.response) {
    const body = (e.response.data ?? {}) as { code?: unknown; msg?: unknown; error?: { log_id?: string } };
    const status = e.response.status ?? 0;
    return {
      code: typeof body.code === 'number' ? body.code : 0,
      status,
      msg: typeof body.msg === 'string' ? body.msg : `HTTP ${status}`,
      resetSeconds: rateLimitReset(e.response.headers),
      logId: body.error?.log_id,
    };
  }
  // The SDK throws a plain Error when the token endpoint answers with a business code (wrong app secret …).
  const token = /failed to get tenant_access_token, code: (\d+)/.exec(e.message ?? '');
  if (token) return { code: Number(token[1]), status: 200, msg: e.message ?? 'token request failed' };
  return { code: 0, status: 0, msg: e.code ? `${e.code}: ${e.message ?? ''}` : (e.message ?? String(error)) };
}

/** Decides what the client does next about a failure. */
export function classify(failure: CallFailure): FailureKind {
  if (failure.code === QUOTA_CODE) return 'quota';
  if (TOKEN_CODES.has(failure.code)) return 'token';
  if (CREDENTIAL_CODES.has(failure.code)) return 'fatal';
  if (RETRYABLE_CODES.has(failure.code) || failure.status === 429 || failure.status >= 500 || failure.status === 0) return 'retry';
  return 'fatal';
}

/** Reads `x-ogw-ratelimit-reset` (seconds) from response headers of any shape. */
export function rateLimitReset(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const raw = (headers as Record<string, unknown>)['x-ogw-ratelimit-reset'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw === undefined || Number.isNaN(value) ? undefined : value;
}
