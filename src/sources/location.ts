/**
 * Where a ledger lives, decided from the form of `--sheet` / `sheet:` alone (pure, no I/O): a local path, a Google
 * Sheets URL, a Feishu Sheets or Bitable URL (also inside a wiki), or the `feishu-sheet:` / `bitable:` shorthands.
 */
import { SourceError } from './source-error.js';

export type SourceLocation =
  | { kind: 'local'; path: string }
  | { kind: 'google'; spreadsheetId: string; gid: number | null }
  | { kind: 'feishu-sheet'; token: string; sheet: string | null }
  | { kind: 'bitable'; appToken: string; tableId: string }
  /** A sheet or base inside a Feishu wiki (知识库): the node is resolved to the document when first used. */
  | { kind: 'feishu-wiki'; nodeToken: string; sheet: string | null; tableId: string | null };

/** A location that cannot be used, with a Chinese explanation for the user. */
export class LocationError extends SourceError {
  override name = 'LocationError';
}

const GOOGLE_PATH = /^\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;
const FEISHU_HOST = /(^|\.)(feishu\.cn|larksuite\.com|larkoffice\.com)$/;

const WEB_LINK = /^https?:\/\//i;
const SHORTHAND = /^(feishu-sheet|bitable):/;

/** True for a path on this machine: not a web link and not a feishu-sheet:/bitable: shorthand. */
export function isLocalLocation(location: string): boolean {
  const text = location.trim();
  return !WEB_LINK.test(text) && !SHORTHAND.test(text);
}

/** The location when it is a web link a card can point to; null for paths and shorthands. */
export function webLink(location: string): string | null {
  return WEB_LINK.test(location.trim()) ? location.trim() : null;
}

/** Parses a location string; throws LocationError for URLs duban cannot read. */
export function parseLocation(location: string): SourceLocation {
  const text = location.trim();
  const shorthand = parseShorthand(text);
  if (shorthand) return shorthand;
  if (!WEB_LINK.test(text)) return { kind: 'local', path: text };

  const url = new URL(text);
  if (url.hostname === 'docs.google.com') return parseGoogle(url);
  if (FEISHU_HOST.test(url.hostname)) return parseFeishu(url);
  throw new LocationError(`无法识别的表格地址：${text}。支持本地 CSV/XLSX 路径、Google 表格链接、飞书电子表格或多维表格链接。`);
}

function parseShorthand(text: string): SourceLocation | null {
  const sheet = /^feishu-sheet:([A-Za-z0-9]+)(?:\/(.+))?$/.exec(text);
  if (sheet) return { kind: 'feishu-sheet', token: sheet[1], sheet: sheet[2] ?? null };
  const base = /^bitable:([A-Za-z0-9]+)\/(tbl[A-Za-z0-9]+)$/.exec(text);
  if (base) return { kind: 'bitable', appToken: base[1], tableId: base[2] };
  if (SHORTHAND.test(text)) {
    throw new LocationError(`简写格式不对：${text}。应为 feishu-sheet:<表格token>/<工作表> 或 bitable:<app_token>/<table_id>。`);
  }
  return null;
}

function parseGoogle(url: URL): SourceLocation {
  const m = GOOGLE_PATH.exec(url.pathname);
  if (!m) throw new LocationError(`Google 表格链接里找不到表格编号：${url.href}。应形如 https://docs.google.com/spreadsheets/d/<编号>/edit#gid=0`);
  // The tab id appears as ?gid= or #gid= depending on how the link was copied.
  const gidText = url.searchParams.get('gid') ?? new URLSearchParams(url.hash.slice(1)).get('gid');
  const gid = gidText !== null && /^\d+$/.test(gidText) ? Number(gidText) : null;
  return { kind: 'google', spreadsheetId: m[1], gid };
}

function parseFeishu(url: URL): SourceLocation {
  const [, section, token] = url.pathname.split('/');
  if (section === 'sheets' && token) {
    return { kind: 'feishu-sheet', token, sheet: url.searchParams.get('sheet') };
  }
  if (section === 'base' && token) {
    const tableId = url.searchParams.get('table');
    if (!tableId) throw new LocationError(`多维表格链接缺少 table 参数：${url.href}。请在多维表格里打开要用的数据表后再复制链接。`);
    return { kind: 'bitable', appToken: token, tableId };
  }
  if (section === 'wiki' && token) {
    return { kind: 'feishu-wiki', nodeToken: token, sheet: url.searchParams.get('sheet'), tableId: url.searchParams.get('table') };
  }
  throw new LocationError(`无法识别的飞书链接：${url.href}。支持 /sheets/<token>?sheet=<工作表>、/base/<app_token>?table=<数据表> 和知识库中的表格 /wiki/<token>。`);
}

/** True when a units setting names a table file (CSV, TSV, TXT, XLSX) rather than a tab or table beside the ledger. */
export function isTableFile(value: string): boolean {
  return /\.(csv|tsv|txt|xlsx)$/i.test(value);
}
