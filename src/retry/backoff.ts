/**
 * The one backoff formula for every retried call (Feishu, group webhooks, Google Sheets): exponential with jitter,
 * or the server's own hint (x-ogw-ratelimit-reset, Retry-After) when it gave one.
 */

export type Sleep = (ms: number) => Promise<void>;

/** Waits for real (production); tests inject a fake that records the delays. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const BASE_MS = 1_000;
const CAP_MS = 32_000;
const JITTER_MS = 1_000;

/**
 * The wait before retry number `attempt` (1-based), capped at 32 s: the server's hint when it gave one (it knows
 * when its window resets), else 2^(attempt-1) s plus up to 1 s of jitter, so parallel senders spread out.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, hintMs?: number): number {
  if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs >= 0) return Math.min(hintMs, CAP_MS);
  return Math.min(BASE_MS * 2 ** (attempt - 1) + Math.floor(random() * JITTER_MS), CAP_MS);
}
