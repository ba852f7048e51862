/** The UnitDirectory interface: units by name, and resolving a name as a user writes it. */
import type { Unit, UnitMatch } from './types.js';

/**
 * Resolves the names people write ("交通局", "区交通局", "transport bureau", an alias from the directory)
 * to one canonical unit. Built by `createDirectory` in ./directory.ts.
 */
export interface UnitDirectory {
  readonly units: readonly Unit[];
  /** Exact, alias, normalised (区/县/市 prefix, 办事处 suffix …) and English-glossary matching, in that order. */
  resolve(name: string): UnitMatch;
  /** The unit with this canonical name, if any. */
  get(canonicalName: string): Unit | undefined;
  /** An English rendering of the unit's name from the glossary ("Transport Bureau"), when one is known. */
  englishName(unit: Unit): string | null;
}
