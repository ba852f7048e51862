/** The unit directory: directory units merged with the names seen in the ledger, and name resolution over them. */
import type { Unit, UnitMatch } from './types.js';
import type { UnitDirectory } from './unit-directory.js';
import { UnitIndex } from './unit-index.js';
import { formality } from './normalize-unit.js';
import { englishNameFromGlossary } from './glossary-match.js';
import { nearCandidates, nearNames, type NearCandidate } from './near-names.js';

/** Resolutions are remembered; beyond this many distinct queries the memo starts over (chat text is unbounded). */
const MEMO_LIMIT = 5000;

function seenUnit(name: string): Unit {
  return { name, aliases: [], liaison: null, liaisonAccount: null, chat: null, leader: null, leaderAccount: null, inDirectory: false };
}

/**
 * Merge the directory with the unit names seen in the ledger. A seen name that resolves (exact, alias, key or
 * glossary) to a unit is that unit; seen names sharing a key become one unit named by the most formal spelling;
 * a seen name that is ambiguous between units is left to the caller, which reports it.
 */
export function createDirectory(directoryUnits: Unit[], seenNames: string[]): UnitDirectory {
  const index = new UnitIndex();
  const units = directoryUnits.map((unit) => ({ ...unit, aliases: [...unit.aliases] }));
  units.forEach((unit) => index.add(unit));

  const distinct = [...new Set(seenNames.map((name) => name.trim()).filter((name) => name !== ''))];
  const firstSeen = new Map<Unit, number>();
  // Most formal spellings first, so they become the canonical names of the units they start.
  const byFormality = distinct.map((name, order) => ({ name, order })).sort((a, b) => formality(b.name) - formality(a.name));
  for (const { name, order } of byFormality) {
    const hit = index.match(name, 'glossary');
    if (!hit) {
      const unit = seenUnit(name);
      index.add(unit);
      firstSeen.set(unit, order);
    } else if (hit.units.length === 1 && !hit.units[0].inDirectory) {
      const unit = hit.units[0];
      if (unit.name !== name && !unit.aliases.includes(name)) {
        unit.aliases.push(name);
        index.addName(unit, name);
      }
      firstSeen.set(unit, Math.min(order, firstSeen.get(unit) ?? order));
    }
  }
  for (const [unit] of [...firstSeen.entries()].sort((a, b) => a[1] - b[1])) units.push(unit);
  return directoryOver(units, index);
}

function directoryOver(units: readonly Unit[], index: UnitIndex): UnitDirectory {
  const memo = new Map<string, UnitMatch>();
  // The units' names prepared for "您是不是要找" suggestions, on the first unknown query (then reused for all).
  let candidates: NearCandidate[] | null = null;
  const resolveFresh = (name: string): UnitMatch => {
    const hit = index.match(name, 'partial');
    if (hit?.units.length === 1) return { kind: 'found', unit: hit.units[0] };
    if (hit) return { kind: 'ambiguous', candidates: hit.units };
    candidates ??= nearCandidates(units);
    return { kind: 'unknown', query: name, near: nearNames(name, candidates, index.topicUnits(name)) };
  };
  return {
    units,
    resolve(name: string): UnitMatch {
      const query = name.trim();
      const known = memo.get(query);
      if (known) return known;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const match = resolveFresh(query);
      memo.set(query, match);
      return match;
    },
    get: (canonicalName) => index.get(canonicalName),
    englishName(unit: Unit): string | null {
      const written = unit.aliases.find((alias) => /[a-z]/i.test(alias) && !/\p{Script=Han}/u.test(alias));
      return written ?? englishNameFromGlossary(unit.name);
    },
  };
}
