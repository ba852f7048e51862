/** The question bank: questions written by people who never saw the code, each with the answer computed from a fixture ledger. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { createDirectory } from '../../src/domain/directory.js';
import type { IsoDate, Ledger } from '../../src/domain/types.js';
import type { UnitDirectory } from '../../src/domain/unit-directory.js';
import { readLocalWorkbook } from '../../src/ledger/read-local.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { answerQuestion } from '../../src/reports/answer.js';
import { resolveOptions } from '../../src/reports/options.js';
import { answerToJson } from '../../src/render/answer.js';

export const QUESTIONS_DIR = join(import.meta.dirname, '..', 'fixtures', 'questions');

export type Expect =
  | { kind: 'list'; ids: string[]; unit?: string }
  | { kind: 'count'; count: number; ids?: string[]; unit?: string }
  | { kind: 'rate'; rate: number; ids?: string[]; unit?: string }
  | { kind: 'who'; task: string; lead: string[]; assist: string[] }
  | { kind: 'detail'; task: string }
  | { kind: 'group'; groups: { unit: string; count: number }[] }
  | { kind: 'candidates'; candidates: string[] }
  | { kind: 'no_such_unit'; name: string }
  | { kind: 'not_understood' };

export interface BankQuestion {
  q: string;
  lang: 'zh' | 'en';
  asker: string | null;
  expect: Expect;
  why?: string;
}

export interface BankLedger {
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
}

/** Reads a fixture ledger folder (tasks.csv, units.csv) for its date. */
export async function loadBankLedger(folder: string, today: IsoDate): Promise<BankLedger> {
  const dir = join(QUESTIONS_DIR, folder);
  const tasks = (await readLocalWorkbook(join(dir, 'tasks.csv'), {})).ledger;
  const units = (await readLocalWorkbook(join(dir, 'units.csv'), {})).ledger;
  const ledger = parseLedger(tasks, units, { today });
  return { ledger, directory: createDirectory(ledger.units, []), today };
}

/** The questions of one bank file (JSON lines). */
export function readBank(path: string): BankQuestion[] {
  return readFileSync(join(QUESTIONS_DIR, path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BankQuestion);
}

const calendar = createWorkCalendar();
const options = resolveOptions();
const sorted = (list: readonly string[]) => [...list].sort().join(',');

interface AskJson {
  intent: string;
  understood: boolean;
  units: string[];
  count: number;
  rate?: number;
  candidates?: string[];
  notFound?: string[];
  groups?: { unit: string; count: number; taskIds: string[] }[];
  tasks: { id: string; lead: string[]; assist: string[] }[];
}

/** Asks one question; null when the answer is right, else what was wrong. */
export function check(item: BankQuestion, bank: BankLedger): string | null {
  const answer = answerQuestion(item.q, { ledger: bank.ledger, directory: bank.directory, today: bank.today, calendar, options, asker: { unit: item.asker } });
  const json = answerToJson(answer) as unknown as AskJson;
  const ids = [...new Set(json.tasks.map((t) => t.id))];
  const e = item.expect;
  const unitOk = (unit?: string) => !unit || json.units.includes(unit);
  switch (e.kind) {
    case 'list':
      return json.understood && sorted(ids) === sorted(e.ids) && unitOk(e.unit) ? null : `ids ${sorted(ids)} ≠ ${sorted(e.ids)}`;
    case 'count':
      return json.count === e.count && unitOk(e.unit) ? null : `count ${json.count} ≠ ${e.count}`;
    case 'rate':
      return json.rate !== undefined && Math.abs(json.rate - e.rate) <= 0.5 ? null : `rate ${json.rate} ≠ ${e.rate}`;
    case 'who': {
      const task = json.tasks.find((t) => t.id === e.task);
      return task && sorted(task.lead) === sorted(e.lead) && sorted(task.assist) === sorted(e.assist) && ids.length === 1 ? null : `who: ${sorted(ids)}`;
    }
    case 'detail':
      return sorted(ids) === e.task ? null : `detail ${sorted(ids)} ≠ ${e.task}`;
    case 'group': {
      const got = (json.groups ?? []).map((g) => `${g.unit}:${g.count}`);
      const want = e.groups.map((g) => `${g.unit}:${g.count}`);
      return sorted(got) === sorted(want) ? null : `groups ${sorted(got)} ≠ ${sorted(want)}`;
    }
    case 'candidates':
      return sorted(json.candidates ?? []) === sorted(e.candidates) ? null : `candidates ${sorted(json.candidates ?? [])} ≠ ${sorted(e.candidates)}`;
    case 'no_such_unit':
      return (json.notFound ?? []).length > 0 && json.tasks.length === 0 ? null : `no not-found (${json.intent}: ${sorted(ids)})`;
    case 'not_understood':
      return json.understood === false ? null : `understood as ${json.intent} (${sorted(ids)})`;
  }
}
