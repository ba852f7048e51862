/** The limit on ledgers read at once: never more than n running, every result given back to its caller. */
import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../src/service/limit.js';

describe('concurrencyLimit', () => {
  it('runs at most n at once and gives each caller its own result, a failure included', async () => {
    const slot = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const work = (i: number) => slot(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      if (i === 3) throw new Error('ledger 3 unreadable');
      return i * 10;
    });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(work));
    expect(most).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 10, 20, 'ledger 3 unreadable', 40, 50]);
  });
});
