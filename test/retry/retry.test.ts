import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/retry/backoff.js';
import { withRetry, type RetryVerdict } from '../../src/retry/with-retry.js';

const retryable = (): RetryVerdict => ({ retry: true, reason: 'test' });

describe('backoffMs (the one formula for Feishu, webhooks and sheet sources)', () => {
  it('backs off exponentially with up to 1 s of jitter, capped at 32 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 32000]);
    expect(backoffMs(1, () => 0.999)).toBe(1999);
  });

  it("waits the server's hint instead, still capped, and ignores a hint that is no duration", () => {
    expect(backoffMs(4, () => 0.5, 3000)).toBe(3000);
    expect(backoffMs(1, () => 0, 120_000)).toBe(32_000);
    expect([Number.NaN, -1].map((hint) => backoffMs(2, () => 0, hint))).toEqual([2000, 2000]);
  });
});

describe('withRetry', () => {
  it('retries until success, using the server hint when given', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`fail ${calls}`);
        return 'ok';
      },
      { label: 't', classify: () => ({ retry: true, reason: 'x', hintMs: 5000 }), sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('stops at once for a fatal error, and after the time budget for a persistent one', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    await expect(withRetry(async () => Promise.reject(new Error('fatal')), { label: 't', classify: () => ({ retry: false }), sleep })).rejects.toThrow('fatal');
    expect(sleeps).toEqual([]);
    await expect(withRetry(async () => Promise.reject(new Error('busy')), { label: 't', classify: retryable, sleep, random: () => 0, maxAttempts: 99 })).rejects.toThrow('busy');
    // 1+2+4+8+16 s = 31 s; the last wait is cut to the 29 s left of the minute, then it gives up.
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 29000]);
  });
});
