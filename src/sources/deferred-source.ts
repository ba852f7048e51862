/** A ledger source decided (and its backend loaded) on first use, so opening a location costs nothing until it is read. */
import type { LedgerSource } from './source.js';

/** A source whose backend is decided on first use; a failed resolution is retried on the next call. */
export function deferredSource(location: string, resolve: () => Promise<LedgerSource>): LedgerSource {
  let pending: Promise<LedgerSource> | null = null;
  const source = () =>
    (pending ??= resolve().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
  return {
    location,
    read: async () => (await source()).read(),
    revision: async () => (await source()).revision(),
    updateTask: async (id, update) => (await source()).updateTask(id, update),
    // The Google Sheets, Feishu Sheets and Bitable sources all read other tabs, know their columns' rules and take new rows.
    readTab: async (name) => (await (await source()).readTab?.(name)) ?? null,
    columnRules: async (table, columns) => (await (await source()).columnRules?.(table, columns)) ?? new Map(),
    appendRows: async (rows) => (await source()).appendRows!(rows),
  };
}
