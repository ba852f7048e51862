/** "您是不是要找" suggestions: the units whose names are closest to an unknown query. */
import type { Unit } from './types.js';
import { KINDS } from './glossary.js';
import { unitKey } from './normalize-unit.js';

const KIND_ENDINGS = KINDS.flatMap((entry) => entry.zh).sort((a, b) => b.length - a.length);
const MIN_SIMILARITY = 0.34;

/** The key without its kind ending, so "住建局" and "区交通局" do not look alike just for sharing 局. */
function core(name: string): string {
  const key = unitKey(name);
  const ending = KIND_ENDINGS.find((kind) => key.endsWith(kind) && key.length > kind.length);
  return ending ? key.slice(0, -ending.length) : key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Shared characters (Dice coefficient) or edit similarity, whichever is higher, in 0..1. */
function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pool = [...b];
  let shared = 0;
  for (const char of a) {
    const at = pool.indexOf(char);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  const dice = (2 * shared) / (a.length + [...b].length);
  const edit = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return Math.max(dice, edit);
}

/** Up to `limit` unit names near the query: units of the same glossary topic first, then by similarity. */
export function nearNames(query: string, units: readonly Unit[], sameTopic: readonly Unit[], limit = 3): string[] {
  const queryCore = core(query);
  return units
    .map((unit) => ({
      unit,
      score: (sameTopic.includes(unit) ? 1 : 0) + Math.max(...[unit.name, ...unit.aliases].map((name) => similarity(queryCore, core(name)))),
    }))
    .filter((scored) => scored.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((scored) => scored.unit.name);
}
