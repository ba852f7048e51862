/** Reading the service's store from a one-shot command: opened only when it exists, always closed. */
import { storeExists } from '../store/store-file.js';
import type { Store } from '../store/store.js';

/** Runs `use` with the store of this data directory, or with null when the service has not created one yet. */
export async function withStoreIfAny<T>(dataDir: string, use: (store: Store | null) => Promise<T>): Promise<T> {
  if (!storeExists(dataDir)) return use(null);
  const { openStore } = await import('../store/open-store.js');
  const store = await openStore(dataDir);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
