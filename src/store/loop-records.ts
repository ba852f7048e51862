/** The 督办 loop's records of a store, read the same way whether or not this store keeps them yet (then: none). */
import type { LoopRecords, Store } from './store.js';

/** Requests and acknowledgements of the store; empty lists for a store without them, or without a store. */
export function loopRecordsOf(store: (Store & Partial<LoopRecords>) | null): LoopRecords {
  return {
    requests: async (filter) => (await store?.requests?.(filter)) ?? [],
    acks: async (filter) => (await store?.acks?.(filter)) ?? [],
  };
}
