/** The Store over a SQL database: the same queries and record mapping for SQLite and PostgreSQL. */
import { leaseQueries } from './lease-queries.js';
import { keyedQueue } from './queue.js';
import { requestQueries } from './request-queries.js';
import { runQueries } from './run-queries.js';
import type { SqlDatabase } from './sql.js';
import { DEFAULT_LEDGER, type Store } from './store.js';

export interface SqlStoreOptions {
  /** The clock leases are measured by (tests set it by hand). */
  now?: () => Date;
}

/** Wraps an open database at the latest schema version; the store addresses the default ledger until forLedger. */
export function createSqlStore(db: SqlDatabase, options: SqlStoreOptions = {}): Store {
  const shared = leaseQueries({ db, now: options.now ?? (() => new Date()), ledgerQueue: keyedQueue() });
  const view = (ledger: string): Store => ({
    path: db.location,
    backend: db.backend,
    ledger,
    forLedger: view,
    ...runQueries(db, ledger),
    ...requestQueries(db, ledger),
    ...shared,
    close: () => db.close(),
  });
  return view(DEFAULT_LEDGER);
}
