/** Edit distance between short strings (names, ids, words): insertions, deletions, substitutions and swaps cost 1. */

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("transprot" ↔ "transport" is 1). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // Three rows reused in place: this runs for many names per unknown query.
  let before = new Int32Array(n + 1);
  let previous = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

/**
 * The candidate closest to a mistyped word ("did you mean"): within a third of the word's length (at least 1, at most
 * 3 edits), or one that starts with the word; the nearest wins, ties in the candidates' order. Null when none is close.
 */
export function nearestWord<T extends string>(word: string, candidates: readonly T[]): T | null {
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && (distance <= allowed || (word.length >= 3 && candidate.startsWith(word)))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
