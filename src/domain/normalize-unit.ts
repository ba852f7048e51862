/**
 * Normalised forms of unit names. A name's *loose* form ignores width, case, spaces and punctuation;
 * its *key* also drops the place prefix (重庆市, 潼南区, 区/县/市) and formal suffixes (办事处, 人民政府),
 * so "区交通局", "交通局" and "潼南区交通局" share one key, as do "桂林街道" and "桂林街道办事处".
 */

/** Place prefixes of the deployment's own area, stripped before the generic 区/县/市. */
const PLACE_PREFIXES = ['重庆市', '潼南区', '潼南县']; // in order: 重庆市潼南区交通局 loses both

/** A single 区/县/市 is a level prefix, except where it starts a word (市场监督管理局, 市政园林局, 市民中心). */
const LEVEL_PREFIX = /^[区县市](?![场政民])/u;

/** Suffix rewrites, applied in order: formal tails that add nothing to identity. */
const SUFFIX_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/人民政府$/u, ''],
  [/办事处$/u, ''],
  [/街道办$/u, '街道'],
  [/委员会$/u, '委'],
  [/建设委$/u, '建委'],
];

/**
 * Width-, case- and punctuation-insensitive form of a name ("Transport Bureau" → "transportbureau"). Invisible
 * format characters (zero-width space and joiner, direction marks) pasted in from chat or web pages are dropped too.
 */
export function looseName(name: string): string {
  return remembered(looseNames, name, () =>
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}\p{Cf}]/gu, ''),
  );
}

// Building a directory and resolving names asks for the same few hundred names' forms over and over: each is computed
// once (the memos start over past a limit, as chat text is unbounded).
const looseNames = new Map<string, string>();
const unitKeys = new Map<string, string>();
const MEMO_LIMIT = 10_000;

function remembered(memo: Map<string, string>, name: string, compute: () => string): string {
  let value = memo.get(name);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = compute();
    memo.set(name, value);
  }
  return value;
}

/** What remains of a loose name after removing its place prefix; the name itself when that would leave < 2 characters. */
function withoutPlacePrefix(loose: string): string {
  let rest = loose;
  for (const place of PLACE_PREFIXES) {
    if (rest.startsWith(place) && rest.length - place.length >= 2) rest = rest.slice(place.length);
  }
  if (rest === loose && LEVEL_PREFIX.test(rest) && rest.length >= 3) rest = rest.slice(1);
  return rest;
}

/** The normalised key two spellings of one unit share ("区交通局" and "交通局" → "交通局"). */
export function unitKey(name: string): string {
  return remembered(unitKeys, name, () => {
    let key = withoutPlacePrefix(looseName(name));
    for (const [pattern, replacement] of SUFFIX_REWRITES) {
      const next = key.replace(pattern, replacement);
      if (next.length >= 2) key = next;
    }
    return key;
  });
}

/** How formal a spelling is: place prefix first, then a full suffix, then length. Higher is more formal. */
export function formality(name: string): number {
  const loose = looseName(name);
  const prefixed = withoutPlacePrefix(loose) !== loose ? 100 : 0;
  const fullSuffix = /(办事处|委员会|人民政府)$/u.test(loose) ? 10 : 0;
  return prefixed + fullSuffix + Math.min(loose.length, 9);
}
