/** Reading unit names and queries through the glossary: kind from the name's ending, topic from its core, English words. */
import { KINDS, TOPICS, type TopicEntry, type UnitKind } from './glossary.js';
import { looseName, unitKey } from './normalize-unit.js';

/** What a query names through the glossary: a topic (交通 / transport), a kind (局 / bureau), or both. */
export interface GlossaryQuery {
  topic: TopicEntry | null;
  kind: UnitKind | null;
}

const ZH_KIND_ENDINGS = KINDS.flatMap((entry) => entry.zh.map((zh) => ({ zh, kind: entry.kind })));
const ZH_CORES = TOPICS.flatMap((topic) => topic.zh.map((zh) => ({ zh, topic }))).sort(
  (a, b) => b.zh.length - a.zh.length,
);
const ZH_KIND_WORDS = new Map(ZH_KIND_ENDINGS.map((ending) => [ending.zh, ending.kind]));

/** Words that carry no identity in English unit names. */
const EN_STOPWORDS = new Set(['the', 'of', 'and', 'for', 'a', 'an', 'district', 'county', 'city', 'tongnan', 'chongqing', 'our']);

/** English word → singular, so "bureaus", "veterans affairs" and "forces" compare equal to the glossary forms. */
function singular(word: string): string {
  if (word === 'bureaux') return 'bureau';
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Significant English words of a phrase: lower case, no possessive 's, no stopwords, singular. */
export function englishWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/\bsub[\s-]+district/g, 'subdistrict')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !EN_STOPWORDS.has(word))
    .map(singular);
}

const EN_KIND_WORDS = new Map(KINDS.flatMap((entry) => entry.en.map((en) => [singular(en), entry.kind] as const)));
const EN_TOPICS = new Map(TOPICS.flatMap((topic) => topic.en.map((en) => [englishWords(en).join(' '), topic] as const)));

/** The kind a unit name ends with ("区交通局" → bureau, "桂林街道办事处" → subdistrict), or null. */
export function kindOfName(name: string): UnitKind | null {
  const loose = looseName(name);
  return ZH_KIND_ENDINGS.find((ending) => loose.endsWith(ending.zh))?.kind ?? null;
}

/** The glossary topic whose longest core the name contains ("区人力社保局" → hrss), or null. */
export function topicOfName(name: string): TopicEntry | null {
  const key = unitKey(name);
  return ZH_CORES.find((core) => key.includes(core.zh))?.topic ?? null;
}

/** A Chinese query that is exactly core + optional kind ("人社局", "卫生健康委员会", "街道"), or null. */
function chineseQuery(name: string): GlossaryQuery | null {
  const key = unitKey(name);
  const kindOnly = ZH_KIND_WORDS.get(key);
  if (kindOnly) return { topic: null, kind: kindOnly };
  for (const core of ZH_CORES) {
    if (!key.startsWith(core.zh)) continue;
    const rest = key.slice(core.zh.length);
    if (rest === '') return { topic: core.topic, kind: null };
    const kind = ZH_KIND_WORDS.get(rest);
    if (kind) return { topic: core.topic, kind };
  }
  return null;
}

/** An English query: kind words anywhere, the remaining words one glossary rendering ("the Transport Bureau's"). */
function englishQuery(name: string): GlossaryQuery | null {
  let kind: UnitKind | null = null;
  const topicWords: string[] = [];
  for (const word of englishWords(name)) {
    const wordKind = EN_KIND_WORDS.get(word);
    if (wordKind) kind ??= wordKind;
    else topicWords.push(word);
  }
  if (topicWords.length === 0) return kind ? { topic: null, kind } : null;
  const topic = EN_TOPICS.get(topicWords.join(' '));
  return topic ? { topic, kind } : null;
}

/** What a name means through the glossary, Chinese or English; null when it is not a glossary name. */
export function readGlossaryQuery(name: string): GlossaryQuery | null {
  return /\p{Script=Han}/u.test(name) ? chineseQuery(name) : englishQuery(name);
}

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word) => (word === 'and' ? word : word.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())))
    .join(' ');
}

/** English rendering of a Chinese unit name from the glossary ("区交通局" → "Transport Bureau"), or null. */
export function englishNameFromGlossary(name: string): string | null {
  const topic = topicOfName(name);
  if (!topic) return null;
  const kind = kindOfName(name);
  const kindWord = KINDS.find((entry) => entry.kind === kind)?.en[0];
  return titleCase(kindWord ? `${topic.en[0]} ${kindWord}` : topic.en[0]);
}
