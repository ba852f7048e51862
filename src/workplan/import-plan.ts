/**
 * A work plan document → tasks with lead and assisting units, the plan's phases, and notes.
 * Pure: text in, data out. See test/workplan for the plan formats it reads.
 */
import type { PlanImport, PlanPhase, PlanTask } from './types.js';
import { cleanText, firstSentenceEnd, headingMarker } from './headings.js';
import { findClauses, unitLineContent, type FoundClause } from './clauses.js';
import { parseUnitClauses, readFieldLine, type UnitClause } from './unit-clause.js';
import { parsePhase } from './phases.js';
import { deadlineFieldProblem, deadlineInField, deadlineInText, planYear } from './deadline.js';

interface Line {
  no: number;
  text: string;
}

/** Where the units of a following division-of-work line belong. */
interface TitleLine {
  title: string;
  no: number;
  category: string;
  /** A "完成时限：…" line between the title and its unit lines. */
  due?: string;
}

/** Reads every task, phase and problem in the plan text. */
export function importPlan(text: string): PlanImport {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ no: i + 1, text: line.trim() }));
  const tasks: PlanTask[] = [];
  const phases: PlanPhase[] = [];
  const problems: string[] = [];
  const headings: string[] = [];
  const year = planYear(text);
  const category = (): string => [...headings].reverse().find((h) => h) ?? '';
  let titleLine: TitleLine | null = null;

  const pushHeading = (level: number, heading: string): void => {
    headings.length = level - 1;
    headings[level - 1] = heading;
  };

  const addTask = (title: string, no: number, cat: string, clause: UnitClause, merge: PlanTask | null, dueText?: string): PlanTask | null => {
    if (clause.kind === 'external') {
      problems.push(`第${no}行：工作分工见外部文件，未生成任务（${cat ? `${cat}：` : ''}${short(title)}；${clause.ref}）`);
      return null;
    }
    if (!title && merge) {
      merge.lead.push(...clause.lead.filter((u) => !merge.lead.includes(u)));
      merge.assist.push(...clause.assist.filter((u) => !merge.assist.includes(u) && !merge.lead.includes(u)));
      return merge;
    }
    if (!title) {
      problems.push(`第${no}行：分工说明前面没有任务内容，未生成任务`);
      return null;
    }
    if (clause.lead.length === 0) problems.push(`第${no}行：任务“${short(title)}”只写了协助单位，没有写责任单位`);
    const task: PlanTask = { category: cat, title, lead: clause.lead, assist: clause.assist, line: no };
    // The sentence's own deadline first ("于2024年6月底前完成"), else the clause's or a 完成时限 line's.
    const dueField = clause.due ?? dueText;
    const due = deadlineInText(title, year) ?? deadlineInField(dueField, year);
    if (due) task.due = due;
    const dueProblem = due ? null : deadlineFieldProblem(dueField, year);
    if (dueProblem) problems.push(`第${no}行：任务“${short(title)}”的完成时限无法识别（${dueProblem}），截止日期留空，请在台账中填写`);
    tasks.push(task);
    return task;
  };

  // Tasks from the clauses of one line, each titled by the text since the previous clause.
  const readClauses = (line: Line, from: number, clauses: FoundClause[]): void => {
    let previousEnd = from;
    let previous: PlanTask | null = null;
    for (const found of clauses) {
      if (found.start < from) continue;
      const title = cleanText(line.text.slice(previousEnd, found.start));
      previousEnd = found.end;
      previous = addTask(title, line.no, category(), found.clause, previous);
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) continue;
    const unitText = unitLineContent(line.text);
    if (unitText !== null) {
      const parts = [unitText];
      let dueText = titleLine?.due;
      // The task's unit lines, and its other field lines among them ("完成时限：…", "牵头领导：…").
      while (i + 1 < lines.length) {
        const next = lines[i + 1].text;
        const field = readFieldLine(next);
        const units = field ? null : unitLineContent(next);
        if (!field && units === null) break;
        if (units !== null) parts.push(units);
        else if (field?.due) dueText ??= field.due;
        i++;
      }
      // Each line was read on its own by unitLineContent, so together they read too.
      const clause = parseUnitClauses(parts)!;
      addTask(titleLine?.title ?? '', titleLine?.no ?? line.no, titleLine?.category ?? category(), clause, null, dueText);
      titleLine = null;
      continue;
    }
    const field = readFieldLine(line.text);
    if (field) {
      // "牵头领导：张三" between a task and its unit lines: the task keeps waiting for its units.
      if (titleLine && field.due) titleLine.due ??= field.due;
      continue;
    }
    const phase = parsePhase(line.text);
    if (phase) phases.push(phase);
    const clauses = findClauses(line.text);
    const marker = headingMarker(line.text);
    if (clauses.length === 0 && unitLineContent(nextText(lines, i)) !== null) {
      titleLine = { title: cleanText(line.text), no: line.no, category: category() };
      continue;
    }
    titleLine = null;
    if (!marker) {
      readClauses(line, 0, clauses);
      continue;
    }
    const bodyStart = marker.length + firstSentenceEnd(line.text.slice(marker.length));
    const heading = cleanText(line.text.slice(marker.length, bodyStart));
    if (clauses.length === 0) {
      pushHeading(marker.level, phase ? phase.name : heading);
    } else if (marker.level <= 2 && clauses[0].start >= bodyStart && cleanText(line.text.slice(bodyStart, clauses[0].start))) {
      // "（二）建设一个双拥主题文化园。为进一步……（责任单位：…）": the heading names the category, the rest is the task.
      pushHeading(marker.level, heading);
      readClauses(line, bodyStart, clauses);
    } else {
      // A numbered task: "1. 任务内容。（牵头单位：X；配合单位：Y）".
      readClauses(line, 0, clauses);
    }
  }
  if (tasks.length === 0) {
    problems.push(
      '没有在文档中找到带责任单位的任务：请检查文档是否用“（责任单位：…，协助单位：…）”“牵头单位：…”或“（X牵头，Y配合）”写明分工。',
    );
  }
  return { tasks, phases, problems };
}

/** The next line with content, passing over field lines such as "牵头领导：张三". */
function nextText(lines: Line[], i: number): string {
  // A loop, not lines.slice(i + 1): copying the rest of the plan for every line is quadratic in a long plan.
  for (let j = i + 1; j < lines.length; j++) if (lines[j].text !== '' && readFieldLine(lines[j].text) === null) return lines[j].text;
  return '';
}

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
