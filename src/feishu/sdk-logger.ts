/**
 * The SDK logs raw AxiosErrors (request headers with `Authorization: Bearer t-…`, the token request body with the
 * app secret). This adapter hands it our logger instead, keeping only messages, never request objects.
 */
import type { Logger } from '../log/logger.js';

type SdkLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describe).join(' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Objects are request/response dumps: their shape is not worth the risk of leaking headers.
  return '[object]';
}

/**
 * An SDK-compatible logger (`{error, warn, info, debug, trace}`) writing scrubbed lines to ours. With `quiet`, SDK
 * errors go to debug: the REST client rethrows them to our wrapper, which logs them once with context.
 */
export function sdkLogger(logger: Logger, quiet = false): Record<SdkLevel, (...msg: unknown[]) => void> {
  const line = (level: 'warn' | 'debug') => (...msg: unknown[]) =>
    logger[level]('feishu sdk', { detail: describe(msg).replace(/Bearer\s+\S+/g, 'Bearer ***') });
  const loud = quiet ? line('debug') : line('warn');
  return { error: loud, warn: loud, info: line('debug'), debug: line('debug'), trace: line('debug') };
}
