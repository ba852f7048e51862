/**
 * Retrying a call that failed for a passing reason (the sheet sources use it; the Google client's built-in retry is
 * turned off: 3 quick retries are useless against a per-minute quota). Waits follow backoff.ts, and the whole
 * wait is capped at about a minute, after which the quota has refilled or the failure is real.
 */
import type { Logger } from '../log/logger.js';
import { backoffMs, realSleep, type Sleep } from './backoff.js';

/** How to treat one failure: give up, or retry (after the server's hint when it gave one). */
export type RetryVerdict = { retry: false } | { retry: true; reason: string; hintMs?: number };

export interface RetryOptions {
  /** What the call was, for the log ("google read", "bitable update"). */
  label: string;
  classify(error: unknown): RetryVerdict;
  sleep?: Sleep;
  logger?: Logger;
  /** Attempts in total, including the first (default 7: waits of 1, 2, 4, 8, 16 s and the rest of the minute). */
  maxAttempts?: number;
  /** Longest total wait before giving up (default 60 s: a per-minute quota refills within it). */
  budgetMs?: number;
  /** Jitter source, 0..1 (default Math.random). */
  random?: () => number;
}

/** Runs `op`, retrying what `classify` calls retryable until the attempts or the time budget run out. */
export async function withRetry<T>(op: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? 7;
  const budget = options.budgetMs ?? 60_000;
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await op();
    } catch (error) {
      const verdict = options.classify(error);
      if (!verdict.retry || attempt >= maxAttempts) throw error;
      // The last wait is shortened to end exactly at the budget: a per-minute quota has refilled by then.
      const delay = Math.min(backoffMs(attempt, options.random, verdict.hintMs), budget - waited);
      if (delay <= 0) throw error;
      options.logger?.warn('source call failed, retrying', { call: options.label, reason: verdict.reason, attempt, delayMs: delay });
      waited += delay;
      await sleep(delay);
    }
  }
}
