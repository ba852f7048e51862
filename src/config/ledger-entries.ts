/**
 * The `ledgers:` list of a configuration: each entry's name, aliases and bound groups checked, and its settings laid
 * over the top-level ones (which are the defaults every ledger shares). Without `ledgers:` the one ledger is named
 * DEFAULT_LEDGER, so the state of a single-ledger deployment stays where it was.
 */
import { nearestWord } from '../domain/edit-distance.js';
import type { ConfigIssue } from './config-error.js';
import { deepMerge } from './deep-merge.js';

/** The name of the one ledger of a configuration without `ledgers:`; the store keeps its state under it. */
export const DEFAULT_LEDGER = 'default';

/** Keys a ledger entry may set for itself; the others (feishu, store, dataDir, timezone …) are one per service. */
export const LEDGER_KEYS = [
  'sheet', 'units', 'chats', 'schedule', 'reminders', 'warnings', 'lights', 'dueSoonWorkdays', 'review', 'collect',
  'calendar', 'scoring', 'report', 'staleAfterWorkdays',
] as const;

/** Keys that are one per service: an entry setting one is told to move it to the top level. */
const SERVICE_KEYS = ['timezone', 'feishu', 'google', 'sendWindow', 'health', 'dataDir', 'store', 'replicas', 'ledgers'];

/** Keys about the entry itself, not settings. */
const OWN_KEYS = ['name', 'aliases', 'groups'] as const;

/** A name usable as one command-line word: letters (Chinese too), digits, - and _. */
const NAME = /^[\p{L}\p{N}_-]+$/u;

/** A ledger entry before its settings are validated. */
export interface RawLedgerEntry {
  name: string;
  aliases: string[];
  groups: string[];
  /** The top-level settings with the entry's own laid over them. */
  raw: Record<string, unknown>;
  /** The keys the entry sets itself (its validation issues are reported under ledgers[i].). */
  own: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A list of words at `path`, or an issue; absent is an empty list. */
function words(value: unknown, path: string, what: string, issues: ConfigIssue[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    issues.push({ path, message: `需要${what}的列表，例如 [${what === '群' ? 'oc_xxx' : '双拥'}]` });
    return [];
  }
  return value.map((v: string) => v.trim());
}

/**
 * The entries of `ledgers:` merged over `top` (the configuration without `ledgers`), or null when there is no such
 * list. Problems with names, aliases, groups and unknown keys go to `issues`, each naming its field (ledgers[2].name).
 */
export function ledgerEntries(list: unknown, top: Record<string, unknown>, issues: ConfigIssue[]): RawLedgerEntry[] | null {
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({ path: 'ledgers', message: '需要台账的列表，每项至少写 name: 和 sheet:，见 config/duban.example.yaml' });
    return null;
  }
  const entries: RawLedgerEntry[] = [];
  const seen = new Map<string, string>();
  list.forEach((item: unknown, i) => {
    const at = `ledgers[${i}]`;
    if (!isObject(item)) {
      issues.push({ path: at, message: '需要一组设置（name:、sheet: …）' });
      return;
    }
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    if (!name) issues.push({ path: `${at}.name`, message: '缺少台账名称，例如 name: 双拥（回答和命令行 --ledger 用它区分台账）' });
    else if (!NAME.test(name)) issues.push({ path: `${at}.name`, message: '台账名称只能含文字、数字、- 和 _（不能有空格或标点），以便在命令行和群消息中使用' });
    const aliases = words(item.aliases, `${at}.aliases`, '别名', issues);
    const groups = words(item.groups, `${at}.groups`, '群', issues);
    for (const [j, word] of [name, ...aliases].entries()) {
      if (!word) continue;
      const before = seen.get(word);
      const path = j === 0 ? `${at}.name` : `${at}.aliases[${j - 1}]`;
      if (before) issues.push({ path, message: `“${word}”已用作 ${before}，台账的名称和别名不能重复` });
      else seen.set(word, path);
    }
    const own = Object.keys(item).filter((key) => !(OWN_KEYS as readonly string[]).includes(key));
    for (const key of own.filter((k) => !(LEDGER_KEYS as readonly string[]).includes(k))) {
      const near = nearestWord(key, [...LEDGER_KEYS, ...OWN_KEYS]);
      const allowed = `台账可以单独设置：${[...OWN_KEYS, ...LEDGER_KEYS].join('、')}`;
      const message = SERVICE_KEYS.includes(key)
        ? `每个台账不能单独设置 ${key}（它对所有台账通用，请写在顶层）；${allowed}`
        : near ? `不认识的配置项，是不是 ${at}.${near}？` : `不认识的配置项；${allowed}`;
      issues.push({ path: `${at}.${key}`, message });
    }
    if (isObject(item.chats) && 'allow' in item.chats) {
      issues.push({ path: `${at}.chats.allow`, message: '机器人回答哪些群对所有台账通用，请把 chats.allow 写在顶层；台账自己的群请写在 groups' });
    }
    const settings = Object.fromEntries(own.filter((k) => (LEDGER_KEYS as readonly string[]).includes(k)).map((k) => [k, item[k]]));
    entries.push({ name, aliases, groups, raw: deepMerge(top, settings), own: Object.keys(settings) });
  });
  return entries;
}

/** Ledgers reading the same sheet (likely a copy-paste slip): one warning per repeated sheet. */
export function sameSheetWarnings(ledgers: readonly { name: string; sheet: string }[]): { sheet: string; ledgers: string[] }[] {
  const bySheet = new Map<string, string[]>();
  for (const { name, sheet } of ledgers) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), name]);
  return [...bySheet].filter(([, names]) => names.length > 1).map(([sheet, names]) => ({ sheet, ledgers: names }));
}
