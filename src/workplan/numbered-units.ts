/**
 * A table row whose unit cell gives each unit the numbers of the items it answers for ("区效能办（1-2）、区党群工作部（3）")
 * while its task cell lists the items "(1)…(2)…(3)…": one task per item, with its own units.
 */

// "区效能办（1-2）", "区党群工作部（3）", "县财政局(4、5)": a name and the item numbers after it.
const NUMBERED_UNIT = /([^、，,；;\s（）()]+?)[（(](\d{1,2}(?:\s*[-－—~～至、,，]\s*\d{1,2})*)[）)]/g;
const LEFTOVER = /^[、，,；;\s]*$/;

/** Item number → units, when every unit of the cell carries item numbers; else null. */
export function unitsByItem(cell: string): Map<number, string[]> | null {
  const byItem = new Map<number, string[]>();
  let rest = cell;
  for (const m of cell.matchAll(NUMBERED_UNIT)) {
    rest = rest.replace(m[0], '');
    for (const n of itemNumbers(m[2])) byItem.set(n, [...(byItem.get(n) ?? []), m[1]]);
  }
  return byItem.size >= 2 && LEFTOVER.test(rest) ? byItem : null;
}

/** "1-2" → 1, 2; "4、5" → 4, 5. */
function itemNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const part of text.split(/\s*[、,，]\s*/)) {
    const [from, to] = part.split(/\s*[-－—~～至]\s*/).map(Number);
    for (let n = from; n <= (to ?? from) && n - from < 50; n++) numbers.push(n);
  }
  return numbers;
}

/** The text's items "(1)…(2)…" in order (numbered 1, 2, 3… without a gap), each with its number; [] when it has fewer than two. */
export function numberedItems(text: string): { number: number; text: string }[] {
  const starts: { number: number; at: number }[] = [];
  for (let n = 1, from = 0; ; n++) {
    const at = new RegExp(`[（(]${n}[）)]`).exec(text.slice(from));
    if (!at) break;
    starts.push({ number: n, at: from + at.index });
    from += at.index + at[0].length;
  }
  if (starts.length < 2) return [];
  return starts.map((s, i) => ({ number: s.number, text: text.slice(s.at, starts[i + 1]?.at ?? text.length).trim() }));
}
