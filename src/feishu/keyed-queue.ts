/** Runs tasks one at a time per key (one chat's messages in order, one spreadsheet's writes serialised). */

export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/** Creates a queue; keys are forgotten when their last task settles, so memory stays bounded. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
