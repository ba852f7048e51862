/** Plan phases: "（一）宣传发动阶段（2020年11月——12月）" → name and date window. */
import { daysInMonth, isValidYmd, ymd } from '../calendar/dates.js';
import type { PlanPhase } from './types.js';
import { stripMarkers } from './headings.js';

const DASH = '(?:——|—|－|–|-|~|～|至|到)+';
const START = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?(初|上旬|中旬|下旬)?';
const END = '(?:(\\d{4})\\s*年)?\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?(底|末|上旬|中旬|下旬)?';
// Where a part of a month starts and ends: "3月中旬" runs from the 11th to the 20th.
const PART_START: Record<string, number> = { 中旬: 11, 下旬: 21 };
const PART_END: Record<string, number> = { 上旬: 10, 中旬: 20 };
const RANGE = new RegExp(`^${START}\\s*(?:${DASH}\\s*${END})?$`);
// The window either in parentheses after the name, or after a colon: "宣传发动阶段：2020年11月至12月".
// A sentence may follow the heading: "（一）动员部署阶段（2024年3月）。制定实施方案……".
const IN_PARENS = /^(.{1,40}?)\s*[（(]([^（）()]+)[）)](?:[。.].*)?$/;
const AFTER_COLON = /^(.{1,40}?阶段)\s*[：:]\s*(.+?)[。.]?$/;

/** The phase a line announces, or null when the line is not a phase heading. */
export function parsePhase(line: string): PlanPhase | null {
  if (!/\d/.test(line)) return null;
  const text = stripMarkers(line.trim());
  const m = IN_PARENS.exec(text) ?? AFTER_COLON.exec(text);
  if (!m || /[。，,]/.test(m[1])) return null;
  const raw = m[2].trim();
  const window = parseWindow(raw);
  return window ? { name: m[1].trim(), raw, ...window } : null;
}

/** "2020年11月——12月" → first day of the start month, last day of the end month (end year defaults to the start year). */
function parseWindow(raw: string): { start: string; due: string } | null {
  const m = RANGE.exec(raw.trim());
  if (!m) return null;
  const [startYear, startMonth] = [Number(m[1]), Number(m[2])];
  const startDay = m[3] ? Number(m[3]) : (PART_START[m[4] ?? ''] ?? 1);
  const hasEnd = m[6] !== undefined;
  const endMonth = hasEnd ? Number(m[6]) : startMonth;
  // "2022年11月——2月" without a second year runs into the next year.
  const endYear = m[5] ? Number(m[5]) : endMonth < startMonth ? startYear + 1 : startYear;
  if (!isValidYmd(startYear, startMonth, startDay) || endMonth < 1 || endMonth > 12) return null;
  // A single month part ("2024年3月上旬") ends with its part; a window ends with its end's part.
  const endPart = hasEnd ? m[8] : m[4];
  const endDay = hasEnd && m[7] ? Number(m[7]) : (PART_END[endPart ?? ''] ?? daysInMonth(endYear, endMonth));
  if (!isValidYmd(endYear, endMonth, endDay)) return null;
  return { start: ymd(startYear, startMonth, startDay), due: ymd(endYear, endMonth, endDay) };
}
