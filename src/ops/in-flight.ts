/** Work started in the background (chat answers and the write-backs they make), counted so a shutdown can wait for it. */

export interface InFlight {
  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when everything tracked so far (and whatever it starts meanwhile) has settled. */
  drain(): Promise<void>;
  /** How much is in flight now. */
  size(): number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  const inFlight: InFlight = {
    track(work) {
      pending.add(work);
      const settled = () => void pending.delete(work);
      work.then(settled, settled);
      return work;
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    size: () => pending.size,
  };
  return inFlight;
}
