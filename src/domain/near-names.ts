/** "您是不是要找" suggestions: the units whose names are closest to an unknown query. */
import type { Unit } from './types.js';
import { KINDS } from './glossary.js';
import { unitKey } from './normalize-unit.js';
import { editDistance } from './edit-distance.js';

const KIND_ENDINGS = KINDS.flatMap((entry) => entry.zh).sort((a, b) => b.length - a.length);
const MIN_SIMILARITY = 0.34;

/** The key without its kind ending, so "住建局" and "区交通局" do not look alike just for sharing 局. */
function core(name: string): string {
  const key = unitKey(name);
  const ending = KIND_ENDINGS.find((kind) => key.endsWith(kind) && key.length > kind.length);
  return ending ? key.slice(0, -ending.length) : key;
}

/** A spelling's core with how often each character (code point) occurs in it, counted once. */
interface Core {
  text: string;
  /** Number of code points. */
  size: number;
  counts: ReadonlyMap<string, number>;
}

function toCore(text: string): Core {
  const counts = new Map<string, number>();
  let size = 0;
  for (const char of text) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    size++;
  }
  return { text, size, counts };
}

/** A unit with the cores of its name and aliases, ready to compare with queries. */
export interface NearCandidate {
  unit: Unit;
  cores: readonly Core[];
}

/** The units' comparison forms, computed once per directory (every unknown query compares against all of them). */
export function nearCandidates(units: readonly Unit[]): NearCandidate[] {
  return units.map((unit) => ({ unit, cores: [unit.name, ...unit.aliases].map((name) => toCore(core(name))) }));
}

/** Shared characters (Dice coefficient) or edit similarity, whichever is higher, in 0..1. */
function similarity(a: Core, b: Core): number {
  if (a.text.length === 0 || b.text.length === 0) return 0;
  let shared = 0;
  for (const [char, n] of b.counts) shared += Math.min(n, a.counts.get(char) ?? 0);
  const dice = (2 * shared) / (a.text.length + b.size);
  const longer = Math.max(a.text.length, b.text.length);
  // The edit distance is at least the length difference: when even that bound cannot beat dice, skip computing it.
  if (1 - Math.abs(a.text.length - b.text.length) / longer <= dice) return dice;
  return Math.max(dice, 1 - editDistance(a.text, b.text) / longer);
}

/** Up to `limit` unit names near the query: units of the same glossary topic first, then by similarity. */
export function nearNames(query: string, candidates: readonly NearCandidate[], sameTopic: readonly Unit[], limit = 3): string[] {
  const queryCore = toCore(core(query));
  return candidates
    .map(({ unit, cores }) => ({
      unit,
      score: (sameTopic.includes(unit) ? 1 : 0) + Math.max(...cores.map((c) => similarity(queryCore, c))),
    }))
    .filter((scored) => scored.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((scored) => scored.unit.name);
}
