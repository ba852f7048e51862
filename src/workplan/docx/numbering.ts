/**
 * Word list numbering (word/numbering.xml): the number text Word shows before a numbered paragraph ("（一）", "1.",
 * "①"), counted in document order. Lists sharing an abstract definition continue each other unless restarted.
 */
import type { NumberingRef } from './styles.js';
import { child, childVal, elements, type XmlElement } from './xml-tree.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Definition {
  /** The counter the list counts on: its abstract definition's, or its own when it restarts. */
  counter: string;
  levels: Map<number, Level>;
}

const CHINESE = '零一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A counter over the document's lists; `next` gives the number text of each numbered paragraph in order. */
export function createNumbering(root: XmlElement | null): { next(ref: NumberingRef): string } {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of root ? elements(root, 'w:abstractNum') : []) {
    const levels = new Map<number, Level>();
    for (const lvl of elements(abstract, 'w:lvl')) {
      levels.set(Number(lvl.attributes['w:ilvl'] ?? 0), {
        start: Number(childVal(lvl, 'w:start') ?? 1),
        format: childVal(lvl, 'w:numFmt') ?? 'decimal',
        text: childVal(lvl, 'w:lvlText') ?? '',
      });
    }
    abstracts.set(abstract.attributes['w:abstractNumId'] ?? '', levels);
  }
  const lists = new Map<string, Definition>();
  for (const num of root ? elements(root, 'w:num') : []) {
    const numId = num.attributes['w:numId'] ?? '';
    const abstractId = childVal(num, 'w:abstractNumId') ?? '';
    const levels = new Map(abstracts.get(abstractId) ?? []);
    let restarts = false;
    for (const override of elements(num, 'w:lvlOverride')) {
      const start = childVal(override, 'w:startOverride');
      const ilvl = Number(override.attributes['w:ilvl'] ?? 0);
      const level = levels.get(ilvl);
      if (start !== undefined && level) {
        levels.set(ilvl, { ...level, start: Number(start) });
        restarts = true;
      }
      const redefined = child(override, 'w:lvl');
      if (redefined) levels.set(ilvl, { start: Number(childVal(redefined, 'w:start') ?? 1), format: childVal(redefined, 'w:numFmt') ?? 'decimal', text: childVal(redefined, 'w:lvlText') ?? '' });
    }
    lists.set(numId, { counter: restarts ? `num:${numId}` : `abstract:${abstractId}`, levels });
  }
  const counters = new Map<string, number[]>();
  return {
    next(ref) {
      const list = lists.get(ref.numId);
      const level = list?.levels.get(ref.ilvl);
      if (!list || !level) return '';
      const counts = counters.get(list.counter) ?? [];
      counts[ref.ilvl] = counts[ref.ilvl] === undefined ? level.start : counts[ref.ilvl] + 1;
      counts.length = ref.ilvl + 1;
      counters.set(list.counter, counts);
      if (level.format === 'bullet' || level.format === 'none') return '';
      return level.text.replace(/%([1-9])/g, (_, n: string) => {
        const i = Number(n) - 1;
        const format = list.levels.get(i)?.format ?? 'decimal';
        return formatNumber(counts[i] ?? list.levels.get(i)?.start ?? 1, format);
      });
    },
  };
}

/** A number in one of Word's list formats. */
function formatNumber(n: number, format: string): string {
  if (/^chinese|^ideographDigital|^japaneseCounting|^taiwaneseCounting/.test(format)) return chineseCount(n);
  if (format === 'ideographTraditional') return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
  if (format.startsWith('decimalEnclosedCircle')) return CIRCLED[n - 1] ?? String(n);
  if (format === 'decimalEnclosedParen') return `(${n})`;
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    return format === 'upperLetter' ? letter : letter.toLowerCase();
  }
  if (format === 'upperRoman' || format === 'lowerRoman') {
    const roman = toRoman(n);
    return format === 'upperRoman' ? roman : roman.toLowerCase();
  }
  return String(n);
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
function chineseCount(n: number): string {
  if (n < 10) return CHINESE[n];
  if (n < 20) return `十${n % 10 ? CHINESE[n % 10] : ''}`;
  if (n < 100) return `${CHINESE[Math.floor(n / 10)]}十${n % 10 ? CHINESE[n % 10] : ''}`;
  const rest = n % 100;
  return `${CHINESE[Math.floor(n / 100) % 10]}百${rest === 0 ? '' : rest < 10 ? `零${CHINESE[rest]}` : chineseCount(rest).replace(/^十/, '一十')}`;
}

function toRoman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) while (rest >= value) [rest, out] = [rest - value, out + letters];
  return out;
}
