/** A bounded set of recently seen ids (event de-duplication: Feishu delivers at least once, sometimes hours apart). */

export interface RecentIds {
  /** True when `id` was seen within the window; records it otherwise. */
  seen(id: string): boolean;
}

/** Remembers up to `capacity` ids for `ttlMs`, forgetting the oldest first. */
export function createRecentIds(capacity: number, ttlMs: number, now: () => number = Date.now): RecentIds {
  const ids = new Map<string, number>();
  return {
    seen(id) {
      const at = ids.get(id);
      if (at !== undefined && now() - at < ttlMs) return true;
      ids.delete(id);
      ids.set(id, now());
      // Map iteration is insertion order, so the first key is the oldest.
      while (ids.size > capacity) ids.delete(ids.keys().next().value as string);
      return false;
    },
  };
}
