/** Reads a ledger through its source and parses it; the one path for commands and scheduled jobs. */
import { createDirectory } from '../domain/directory.js';
import type { IsoDate, Ledger } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { parseLedger } from '../ledger/parse-ledger.js';
import type { LedgerSource } from '../sources/source.js';

export interface ParsedLedger {
  ledger: Ledger;
  directory: UnitDirectory;
  revision: string | null;
}

/** Reads and parses the ledger as of `today` (recurring deadlines get their next occurrence from it). */
export async function readLedger(source: LedgerSource, today: IsoDate): Promise<ParsedLedger> {
  const read = await source.read();
  const ledger = parseLedger(read.ledger, read.units, { today, referenceYear: Number(today.slice(0, 4)), people: read.people });
  return { ledger, directory: createDirectory(ledger.units, []), revision: read.revision };
}

/**
 * Keeps the last parse and re-reads only when the source's revision (or the date) changed, so a service
 * polling an unchanged ledger costs one cheap revision check per cycle.
 */
export function cachedLedger(source: LedgerSource): (today: IsoDate) => Promise<ParsedLedger> {
  let last: { today: IsoDate; parsed: ParsedLedger } | null = null;
  return async (today) => {
    if (last && last.today === today && last.parsed.revision !== null) {
      const revision = await source.revision();
      if (revision === last.parsed.revision) return last.parsed;
    }
    const parsed = await readLedger(source, today);
    last = { today, parsed };
    return parsed;
  };
}
