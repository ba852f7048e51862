/** Backoff for retried Feishu calls: exponential with jitter, or the server's `x-ogw-ratelimit-reset` when given. */

const BASE_MS = 500;
const CAP_MS = 30_000;

/** Milliseconds to wait before retry number `attempt` (0-based); `resetSeconds` from the rate-limit header wins. */
export function backoffMs(attempt: number, random: () => number, resetSeconds?: number): number {
  // Jitter spreads retries of parallel senders so they do not hit the next window together.
  const jitter = 0.75 + random() * 0.5;
  if (resetSeconds !== undefined && Number.isFinite(resetSeconds) && resetSeconds >= 0) {
    return Math.min(CAP_MS, resetSeconds * 1000) + Math.round(random() * 250);
  }
  return Math.round(Math.min(CAP_MS, BASE_MS * 3 ** attempt) * jitter);
}

/** Reads `x-ogw-ratelimit-reset` (seconds) from response headers of any shape. */
export function rateLimitReset(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const raw = (headers as Record<string, unknown>)['x-ogw-ratelimit-reset'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw === undefined || Number.isNaN(value) ? undefined : value;
}

/** The default sleep. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
