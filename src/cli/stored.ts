/** Reading the service's store from a one-shot command: opened only when it exists, always closed. */
import { storeExists } from '../store/store-file.js';
import { DEFAULT_LEDGER, type Store } from '../store/store.js';
import type { LoadedConfig } from '../config/load-config.js';

/** The chosen ledger's view of the store (the one ledger's when only one is configured). */
export const ledgerView = (store: Store, loaded: Pick<LoadedConfig, 'ledger'>): Store => store.forLedger(loaded.ledger ?? DEFAULT_LEDGER);

/** Runs `use` with the chosen ledger's store, or with null when the service has not created one yet. */
export async function withStoreIfAny<T>(loaded: Pick<LoadedConfig, 'dataDir' | 'ledger' | 'config'>, use: (store: Store | null) => Promise<T>): Promise<T> {
  if (!storeExists(loaded.dataDir, loaded.config.store)) return use(null);
  const { openStore } = await import('../store/open-store.js');
  const store = ledgerView(await openStore(loaded.dataDir, loaded.config.store), loaded);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
