/** In-process queues: async work that must not overlap runs one call after another, each when the previous has settled. */

export type Queue = <T>(fn: () => Promise<T>) => Promise<T>;

/** One queue: each call starts when every call queued before it has settled. */
export function serialQueue(): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const result = tail.then(fn);
    tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}

/** A queue per key (a ledger's name): calls for one key run one after another, different keys at once. */
export function keyedQueue(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, Queue>();
  return (key, fn) => {
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = serialQueue()));
    return queue(fn);
  };
}
