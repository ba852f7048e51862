/** Scoring imported plans against hand labels (test/fixtures/workplans/README.md): found, exact lead and assisting units, due, invented. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlan } from '../../../src/workplan/import-plan.js';
import { readPlanFile } from '../../../src/workplan/read-plan-file.js';
import type { PlanTask } from '../../../src/workplan/types.js';

export interface LabelledTask {
  anchor: string;
  title: string;
  lead: string[];
  assist: string[];
  due: string | null;
  dueText?: string;
  leader?: string[];
}

export interface Labels {
  year: number;
  tasks: LabelledTask[];
}

export interface PlanScore {
  plan: string;
  labelled: number;
  imported: number;
  found: number;
  lead: number;
  assist: number;
  due: number;
  invented: number;
  /** What went wrong, per label, for reading a failure. */
  misses: string[];
}

/** Names and anchors compared without width, case, spaces and punctuation. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const sameUnits = (a: string[], b: string[]) => {
  const sorted = (list: string[]) => list.map(normalise).sort().join('|');
  return sorted(a) === sorted(b);
};

/** Scores one plan's imported tasks against its labels. */
export function scorePlan(plan: string, labels: Labels, tasks: PlanTask[]): PlanScore {
  const texts = tasks.map((t) => `${normalise(t.detail)}\n${normalise(t.title)}`);
  const matchedTasks = new Set<number>();
  const score: PlanScore = { plan, labelled: labels.tasks.length, imported: tasks.length, found: 0, lead: 0, assist: 0, due: 0, invented: 0, misses: [] };
  for (const label of labels.tasks) {
    const anchor = normalise(label.anchor);
    const i = texts.findIndex((text) => text.includes(anchor));
    if (i === -1) {
      score.misses.push(`not found: ${label.anchor}`);
      continue;
    }
    for (let j = 0; j < texts.length; j++) if (texts[j].includes(anchor)) matchedTasks.add(j);
    const task = tasks[i];
    score.found += 1;
    if (sameUnits(task.lead, label.lead)) score.lead += 1;
    else score.misses.push(`lead ${label.anchor}: ${JSON.stringify(task.lead)} ≠ ${JSON.stringify(label.lead)}`);
    if (sameUnits(task.assist, label.assist)) score.assist += 1;
    else score.misses.push(`assist ${label.anchor}: ${JSON.stringify(task.assist)} ≠ ${JSON.stringify(label.assist)}`);
    if ((task.due ?? null) === label.due) score.due += 1;
    else score.misses.push(`due ${label.anchor}: ${task.due ?? null} ≠ ${label.due}`);
  }
  tasks.forEach((task, i) => {
    if (!matchedTasks.has(i)) {
      score.invented += 1;
      score.misses.push(`invented: ${task.place} ${task.title}`);
    }
  });
  return score;
}

/** The plans of a corpus folder: each file with a <id>.labels.json beside it. */
export function corpusPlans(dir: string): { id: string; file: string; labels: Labels }[] {
  const names = readdirSync(dir);
  return names
    .filter((name) => name.endsWith('.labels.json'))
    .map((name) => {
      const id = name.slice(0, -'.labels.json'.length);
      const file = names.find((n) => n.startsWith(`${id}.`) && !n.endsWith('.labels.json') && !n.endsWith('.source.md'));
      if (!file) throw new Error(`no plan file for ${id} in ${dir}`);
      return { id, file: join(dir, file), labels: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Labels };
    });
}

/** Imports and scores every plan of the folder. */
export async function scoreCorpus(dir: string): Promise<PlanScore[]> {
  const scores: PlanScore[] = [];
  for (const plan of corpusPlans(dir)) scores.push(scorePlan(plan.id, plan.labels, importPlan(await readPlanFile(plan.file)).tasks));
  return scores;
}

/** Sums the plans' scores into a total row. */
export function total(scores: PlanScore[]): PlanScore {
  const sum = (key: 'labelled' | 'imported' | 'found' | 'lead' | 'assist' | 'due' | 'invented') => scores.reduce((n, s) => n + s[key], 0);
  return { plan: 'total', labelled: sum('labelled'), imported: sum('imported'), found: sum('found'), lead: sum('lead'), assist: sum('assist'), due: sum('due'), invented: sum('invented'), misses: [] };
}

const percent = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);

/** The scores as a text table: found, lead and assist out of the labelled tasks; due out of the found ones. */
export function scoreTable(scores: PlanScore[]): string {
  const rows = [...scores, total(scores)].map((s) => [
    s.plan, String(s.labelled), String(s.imported), percent(s.found, s.labelled), percent(s.lead, s.labelled),
    percent(s.assist, s.labelled), percent(s.due, s.found), String(s.invented),
  ]);
  const header = ['plan', 'labelled', 'imported', 'found', 'exact lead', 'exact assist', 'due', 'invented'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  return [header, ...rows].map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
