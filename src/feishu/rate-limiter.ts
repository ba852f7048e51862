/** Token buckets for Feishu's limits (5 msg/s per chat, 50/s per app, a webhook's 5/s and 100/min). */

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface TokenBucket {
  /** Resolves when a token is available and takes it; waiters are served in order. */
  take(): Promise<void>;
}

/** A bucket holding up to `capacity` tokens, refilled at `perSecond`. */
export function createTokenBucket(capacity: number, perSecond: number, clock: Clock): TokenBucket {
  let tokens = capacity;
  let last = clock.now();
  let queue: Promise<void> = Promise.resolve();

  const acquire = async () => {
    for (;;) {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await clock.sleep(Math.ceil(((1 - tokens) / perSecond) * 1000));
    }
  };
  return {
    take() {
      const turn = queue.then(acquire);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** Buckets created on first use per key, e.g. one per chat. */
export function createKeyedBuckets(make: () => TokenBucket): (key: string) => TokenBucket {
  const buckets = new Map<string, TokenBucket>();
  return (key) => {
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = make()));
    return bucket;
  };
}
