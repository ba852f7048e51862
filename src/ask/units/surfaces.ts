/**
 * The ways people write one unit's name in chat, derived from the name itself: without the place prefix (区交通局 →
 * 交通局), with a shorter suffix (委员会 → 委), by its leading words (退役军人事务局 → 退役军人局), by initials
 * (城市管理局 → 城管局, 住房城乡建委 → 住建委, 发展改革委 → 发改委), by its last words (综合行政执法局 → 执法局), and bare
 * cores without a suffix (城管, 住建). Each surface has a tier: how surely it means this unit.
 */

/** 3: the name or an alias; 2: derived with the unit's suffix; 1.5: with a sibling suffix (局 ↔ 委); 1: a bare core. */
export type Tier = 3 | 2 | 1.5 | 1;

export interface Surface {
  text: string;
  tier: Tier;
}

/** Name endings, longest first, with the shorter forms people use for each. */
const SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['街道办事处', ['街道办事处', '街道办', '街道']],
  ['人民政府', ['人民政府', '政府']],
  ['集团有限公司', ['集团有限公司', '集团', '公司']],
  ['有限责任公司', ['有限责任公司', '公司']],
  ['有限公司', ['有限公司', '公司']],
  ['管理委员会', ['管理委员会', '管委会']],
  ['委员会', ['委员会', '委']],
  ['办公室', ['办公室', '办']],
  ['办事处', ['办事处']],
  ['服务中心', ['服务中心', '中心']],
  ['街道办', ['街道办', '街道']],
  ['管委会', ['管委会']],
  ['分局', ['分局', '局']],
  ['集团', ['集团']],
  ['公司', ['公司']],
  ['中心', ['中心']],
  ['街道', ['街道']],
  ['支队', ['支队']],
  ['大队', ['大队']],
  ['局', ['局']],
  ['委', ['委']],
  ['办', ['办']],
  ['部', ['部']],
  ['厅', ['厅']],
  ['镇', ['镇']],
  ['乡', ['乡']],
  ['处', ['处']],
  ['所', ['所']],
  ['站', ['站']],
  ['院', ['院']],
  ['队', ['队']],
  ['校', ['校']],
  ['会', ['会']],
];
/** Suffixes people swap for each other ("教育局" for 教育委员会). */
const SIBLING: Readonly<Record<string, string>> = { 局: '委', 委: '局', 委员会: '局' };
/** Place prefixes: a province, city, district or county name ("重庆市", "潼南区", "淇川县"), or a bare level 区/县/市. */
const PLACE = /^(?![区县市省])[\p{Script=Han}]{2,4}?(?:省|自治区|自治州|市|区|县|旗)/u;
const LEVEL = /^(?:[区县](?=\p{Script=Han}{2})|市(?![场政民]))/u;
/** Words of agency names longer than two characters, so chunking keeps them whole. */
const LONG_WORDS = ['大数据', '互联网', '信息化', '新闻出版', '广播电视', '人民武装', '不动产', '供销合作', '民族宗教', '机关事务', '人民防空', '知识产权'];
const CONNECTORS = /[和与及]/g;

/** The name, then the name without each place prefix in turn; the last form is the bare name. */
function places(name: string): string[] {
  const forms = [name];
  let rest = name;
  for (let m = PLACE.exec(rest); m && rest.length - m[0].length >= 2; m = PLACE.exec(rest)) {
    rest = rest.slice(m[0].length);
    forms.push(rest);
  }
  if (LEVEL.test(rest) && rest.length >= 3) forms.push(rest.slice(1));
  return forms;
}

/** First words too common to stand for a unit on their own ("综合" of 综合行政执法局, "城市" of 城市管理局). */
const GENERIC_FIRST_WORDS = new Set(['综合', '城市', '自然', '行政', '人民', '社会', '经济', '公共', '机关', '国有', '发展', '市场', '生态', '工业', '科学', '事务', '管理', '服务']);

/** The core split into words: known long words kept whole, the rest in pairs (a truncated word like 建 of 建委 alone). */
function chunk(core: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < core.length) {
    const long = LONG_WORDS.find((w) => core.startsWith(w, i));
    const size = long ? long.length : 2;
    words.push(core.slice(i, i + size));
    i += size;
  }
  return words;
}

/** Every non-empty subset (in order) of the indexes 1..k-1, as bit masks. */
function subsets(k: number): number[] {
  const masks: number[] = [];
  for (let mask = 1; mask < 1 << (k - 1); mask++) masks.push(mask);
  return masks;
}

/**
 * Surfaces of a core with one suffix form: leading words, last words, first + last, initials, first word + initials.
 * A bare core (no suffix) keeps only leading words and initials: "管理" or "执法" alone names no unit.
 */
function derived(words: readonly string[], suffix: string, add: (text: string, tier: Tier) => void, tier: Tier): void {
  const k = words.length;
  const initial = (w: string) => w[0];
  for (let j = 1; j <= k; j++) {
    if (suffix === '' && j === 1 && k > 1 && GENERIC_FIRST_WORDS.has(words[0])) continue;
    add(words.slice(0, j).join('') + suffix, tier);
  }
  if (suffix !== '') {
    for (let j = 1; j < k; j++) add(words.slice(j).join('') + suffix, tier);
    // 数据局 of 政务服务数据管理局, 执法局 of 综合行政执法局: one word of the name with its ending.
    for (let j = 1; j < k; j++) add(words[j] + suffix, tier);
    if (k >= 3) add(words[0] + words[k - 1] + suffix, tier);
  }
  // 交委, 农委, 教委: an initial and 委 is how commissions are called; 交局 or 公局 names nothing.
  if (suffix === '委') add(initial(words[0]) + suffix, tier);
  for (const mask of subsets(k)) {
    const rest = words.slice(1).filter((_, i) => mask & (1 << i));
    add(initial(words[0]) + rest.map(initial).join('') + suffix, tier);
    add(words[0] + rest.map(initial).join('') + suffix, tier);
  }
}

/**
 * The surfaces of one Chinese name of a unit (its canonical name or an alias); `topicCores` are the glossary's words for
 * its field (环保 for 生态环境, 国土 for 自然资源), which people use with the unit's ending (环保局, 国土局).
 */
export function surfacesOf(name: string, topicCores: readonly string[] = []): Surface[] {
  const found = new Map<string, Tier>();
  const add = (text: string, tier: Tier): void => {
    if ([...text].length < 2 || (found.get(text) ?? 0) >= tier) return;
    found.set(text, tier);
  };
  const clean = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '').replace(/（.*?）|\(.*?\)/g, '');
  const forms = places(clean);
  forms.forEach((form) => add(form, 3));
  // "雁峰区人民政府", "高新区管委会": when the place is all that tells the unit apart, the place names it (雁峰区, 雁峰).
  const rest = forms.at(-1) ?? clean;
  if (forms.length > 1 && SUFFIXES.some(([suffix, shorter]) => rest === suffix || shorter.includes(rest))) {
    const place = clean.slice(0, clean.length - rest.length);
    add(place, 2);
    if (place.length >= 3) add(place.slice(0, -1), 1);
  }
  for (const form of forms.slice(-1)) {
    const ending = SUFFIXES.find(([suffix]) => form.endsWith(suffix) && form.length > suffix.length);
    if (!ending) continue;
    const [suffix, forms] = ending;
    // 发展和改革, 住房和城乡建设: the 和 joins two words; in a two-character name (三和街道) it is the name.
    const bare = form.slice(0, -suffix.length);
    const core = bare.length >= 5 ? bare.replace(CONNECTORS, '') : bare;
    if (core.length === 0) continue;
    const words = chunk(core);
    for (const short of forms) derived(words, short, add, 2);
    // A one-character core with another ending says too little: 计委 is not 计局 (统计局 is another unit).
    const sibling = core.length >= 2 ? SIBLING[suffix] : undefined;
    if (sibling) derived(words, sibling, add, 1.5);
    derived(words, '', add, 1);
    for (const topic of topicCores) {
      for (const short of forms) add(topic + short, 2);
      if (sibling) add(topic + sibling, 1.5);
    }
  }
  return [...found].map(([text, tier]) => ({ text, tier }));
}
