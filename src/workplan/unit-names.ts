/** A plan's list of units ("市委组织部、市财政局，各区、县级市") to unit names, as the plan writes them. */
import { KINDS } from '../domain/glossary.js';
import { splitUnits } from '../ledger/split-units.js';

// "X等有关部门和单位" names X and the other departments: the collective keeps its own entry.
// Whose departments a collective means ("国务院相关部门", "市级有关单位").
const WHOSE = '(?:国务院|中央|省级?|市级?|县级?|区级?)?';
const ETC_COLLECTIVE = new RegExp(`等(${WHOSE}(?:其他|其它)?(?:有关|相关)[^、，,；;（）()及和]*)`, 'g');
// "商务部等和各有关省级人民政府": the list of departments closed by 等, then the other bodies.
const ETC_AND = /等(?:和|及|以及|与)(?=[^、，,；;]{2})/g;
// A bare level after a collective ("各区、县级市"): it takes the collective's 各 ("各县级市"), never stands alone.
const BARE_LEVEL = /^(?:县级市|县（市、区）|县（市）|市（州）|县（区）|县市区|县区|区县|县市|县|区|市|州|盟|旗|乡镇|乡|镇|街道|镇街|镇（街道）|乡镇（街道）|开发区|园区|功能区)$/;
// A level's body after a collective ("各乡镇人民政府、街道办事处"): every one of them, too ("各街道办事处").
const BARE_LEVEL_BODY = /^(?:县级市|县（市、区）|县（市）|市（县）|县|区|市|乡镇|乡|镇|街道)(?:人民政府|政府|办事处)(?:（[^）]*）)?$/;
const COLLECTIVE_PREFIX = /^各(?:有关|相关)?/;
const PLACE_COLLECTIVE = /^各(?:有关|相关)?(?:县级市|县|区|市|乡镇|乡|镇|街道)/;
// "有关单位" without 各 only says "whoever it concerns": alone it names nobody.
const GENERIC = new RegExp(`^${WHOSE}(?:其他|其它)?(?:有关|相关)(?:单位|部门|方面)(?:和单位|和部门)?$`);
// "各地区", "相关地区": the places a national or provincial plan gives the work to.
const PLACES_ALL = /^(?:各|有关|相关)(?:地区|地方|省份|市县|区县)$/;
const LEADING_NOISE = /^(?:由|请|并由|会同)/;
// A cell's closing full stop ("…，魏武国控集团。").
const TRAILING_STOP = /[。.．]+$/;
// "乡镇人民政府按职责分工（分别负责）": how the units work, not part of their name; alone it names nobody.
const TRAILING_MANNER = /(?:按|按照|根据|依据|依照)(?:各自)?的?(?:职责|职能)(?:分工)?$/;
// Words that make a level collective ("有关乡", "各镇"): a glued half needs more than them and a level to be a name.
const COLLECTIVE_WORDS = /^(?:各|有关|相关|其他|其它)+/;

// Name endings of bodies (区交通局, 双江镇, 区委, 市政府): where one glued name ends and the next may start.
const ENDINGS = [...KINDS.flatMap((k) => k.zh), '厅', '署', '院', '支队', '大队', '站', '政府', '管委会', '部门', '单位']
  .sort((a, b) => b.length - a.length);
// A glued second name starts with its own level ("区财政局区税务局"); without one it is the first body's own part
// ("市政府国资委", "区公安分局交警大队"), unless the office's directory names it.
const LEVEL_START = /^(?:[省市区县州旗镇乡]|街道)/;

// Other brackets plans put round a note inside a list of units: "各区人民政府〈含开发区，下同〉", "X［含Y］", "X【Z】".
const OTHER_OPEN = /[〈＜［【〔]/g;
const OTHER_CLOSE = /[〉＞］】〕]/g;
// A note after a name: what it includes ("（含开发区、新区管委会）"), or that it means the same below ("（…，下同）").
const NOTE_AFTER_NAME = /（(?:(?:含|包括|包含|不含)[^（）]*|[^（）]*下同)）$/;

// "相关乡镇落实", "流水镇负责": a verb after a body's name says what it does, it is not part of the name.
const TRAILING_VERB = /(?:负责|落实|实施|推进|配合|组织|组织实施|牵头)+$/;

/** The name without a verb glued after it, when what is left is a body's name. */
function withoutTrailingVerb(name: string): string {
  const bare = name.replace(TRAILING_VERB, '');
  return bare !== name && looksLikeUnit(bare) ? bare : name;
}

/** A list of units with every kind of bracket written as round ones, so a note in them stays with its name. */
export function unifyBrackets(text: string): string {
  return text.replace(OTHER_OPEN, '（').replace(OTHER_CLOSE, '）');
}

/** The unit names of a list, in order: collectives kept meaningful, glued names split, "有关单位" alone dropped. */
export function unitNames(text: string, known: ReadonlySet<string> = new Set()): string[] {
  const names = tidyNames(splitEtc(unifyBrackets(text)).map((name) => [null, name] as const), known).map(([, name]) => name);
  return names.every((name) => GENERIC.test(name)) ? [] : names;
}

/** "X等有关部门" → "X、有关部门": the collective after 等 keeps its own entry. */
export function splitEtc(text: string): string[] {
  return splitUnits(text.replace(ETC_AND, '、').replace(ETC_COLLECTIVE, '、$1'));
}

/**
 * Names as split from a list, each with a tag (its role), made whole: a bare level after a collective takes its 各
 * ("各区、县级市" → 各区, 各县级市), glued names are split, "由X" is X; a repeated name keeps its first place.
 */
export function tidyNames<T>(split: readonly (readonly [T, string])[], known: ReadonlySet<string> = new Set()): [T, string][] {
  const names: [T, string][] = [];
  let collective: string | null = null;
  // The collective named places ("各乡镇人民政府"), not departments ("各有关部门"): a level's body after it takes its 各.
  let places = false;
  for (const [tag, raw] of split) {
    const name = withoutTrailingVerb(raw.replace(LEADING_NOISE, '').replace(TRAILING_MANNER, '').replace(NOTE_AFTER_NAME, '').replace(TRAILING_STOP, ''));
    if (name === '') continue;
    const prefix = COLLECTIVE_PREFIX.exec(name)?.[0] ?? null;
    const bare = BARE_LEVEL.test(name) || (places && BARE_LEVEL_BODY.test(name));
    const expanded = collective !== null && bare ? `${collective}${name}` : name;
    if (prefix !== null) {
      collective = prefix;
      places = PLACE_COLLECTIVE.test(name);
    } else if (!bare) collective = null;
    for (const part of splitGlued(expanded, known)) if (!names.some(([, n]) => n === part)) names.push([tag, part]);
  }
  return names;
}

// Words that open a note, not a name: "（含技工院校）", "（包括各类学校）", "（以下简称市发改委）".
const NOT_A_NAME = /^(?:含|包括|包含|不含|除|如|即|指|简称|以下简称|其中|涉及|限|由|经(?![信济开贸])|按|依托|通过|会同|对)/;
// "各区", "各县级市", "各乡镇（街道）": every place of a level.
const COLLECTIVE_PLACES = /^各.{0,10}?(?:区|县|市|州|旗|盟|乡|镇|街|地|级)(?:[（(][^）)]*[）)])?$/;
// How the name of a body ends: 局, 委, 办, 中心, 政府, 街道, 集团… (with a note in brackets: "区社会事业局（医改办）").
const BODY_END = /(?:局|委|办|厅|部|署|院|所|队|站|会|处|室|社|馆|校|团|联|中心|政府|街道|社区|镇|乡|集团|公司|单位|部门|机构|企业|组织|协会|银行|支行|分行|央行|人行|军分区|武警|法院|检察院|(?:开发|高新|经开|新|园|示范|试验|实验|保税|合作|功能)区)(?:[（(][^）)]*[）)])?$/;

/** True when the text ends with a body's name ("……反馈区管委会办公室"). */
export function endsWithBodyName(text: string): boolean {
  return BODY_END.test(text);
}

/** True when the name looks like a body's ("市发改委", "各区", "区社会事业局（医改办）") rather than a phrase. */
export function looksLikeUnit(name: string): boolean {
  return !NOT_A_NAME.test(name) && (BODY_END.test(name) || COLLECTIVE_PLACES.test(name));
}

// A post or a person's title: "副县长张三", "县委常委", "王五同志" (责任领导, never a unit).
const POST = '(?:书记|县长|区长|市长|省长|州长|镇长|乡长|局长|主任|部长|厅长|常委|同志|专员|巡视员|调研员|秘书长|院长|署长|主席|组长)';
const ENDS_WITH_POST = new RegExp(`${POST}$`);
const POST_AND_NAME = new RegExp(`${POST}[\\u4e00-\\u9fa5]{2,3}$`);

/**
 * A unit cell's lines with a name broken over two lines joined ("岚城片区" + "开发管理局" → 岚城片区开发管理局): a line
 * whose last name is no body's name goes on below when the two make one.
 */
export function joinBrokenNames(cell: string): string {
  const lines = cell.split(/\s*\n\s*/);
  const out: string[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    const tail = last === undefined ? '' : (last.split(/[、，,；;]/).at(-1) ?? '');
    const next = line.split(/[、，,；;]/)[0];
    if (last !== undefined && tail !== '' && !looksLikeUnit(tail) && looksLikeUnit(`${tail}${next}`)) out[out.length - 1] = `${last}${line}`;
    else out.push(line);
  }
  return out.join('\n');
}

/** True when the name is a person's post or a post and a name ("副县长", "县委常委", "副县长张三"). */
export function looksLikePerson(name: string): boolean {
  return ENDS_WITH_POST.test(name) || (POST_AND_NAME.test(name) && !BODY_END.test(name));
}

const PERSON_NAME = /^[\u4e00-\u9fa5]{2,3}$/;

/** True for what may be a person's name: two or three Chinese characters ("王明", the "王明" of "县人社局王明"). */
export function isPersonName(text: string): boolean {
  return PERSON_NAME.test(text);
}

/** True when the list names nobody in particular ("有关单位", "相关部门"). */
export function isGenericUnit(name: string): boolean {
  return GENERIC.test(name);
}

/** "区财政局区税务局" → 区财政局, 区税务局: split where one body's name ends and another's begins. */
function splitGlued(name: string, known: ReadonlySet<string>): string[] {
  if (known.has(name) || name.length < 6) return [name];
  // "区发改委和区财政局": two bodies joined by 和/及/与 (but not "省经济和信息化厅").
  for (const joint of name.matchAll(/以及|和|及|与/g)) {
    const left = name.slice(0, joint.index);
    const right = name.slice(joint.index + joint[0].length);
    if (left.length < 3 || right.length < 3 || !(isWholeName(left, known) || looksLikeUnit(left))) continue;
    if ((isWholeName(right, known) && looksLikeUnit(right)) || PLACES_ALL.test(right)) return [...splitGlued(left, known), ...splitGlued(right, known)];
  }
  for (let i = 3; i <= name.length - 3; i++) {
    const left = name.slice(0, i);
    const right = name.slice(i);
    if (left.includes('（') !== left.includes('）')) continue;
    if (isWholeName(left, known) && startsName(right, known)) return [left, ...splitGlued(right, known)];
  }
  return [name];
}

/** A glued half that is a name: the directory's, or more than a level ending in a body's ending ("有关乡" is not). */
function isWholeName(text: string, known: ReadonlySet<string>): boolean {
  if (known.has(text)) return true;
  const own = text.replace(COLLECTIVE_WORDS, '');
  return !BARE_LEVEL.test(own) && ENDINGS.some((ending) => own.endsWith(ending) && own.length > ending.length);
}

function startsName(text: string, known: ReadonlySet<string>): boolean {
  if (known.has(text)) return true;
  return LEVEL_START.test(text) && isWholeName(text, known) && !BARE_LEVEL.test(text);
}
