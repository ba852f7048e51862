/** What the paragraph and table readers share while one plan is imported, and how a found task is added to it. */
import type { PlanPhase, PlanTask, Unrecognized } from './types.js';
import { deadlineInField, deadlineInText, type Due } from './deadline.js';
import { stripMarkers } from './headings.js';
import { joinStanding, type StandingUnits } from './standing-units.js';
import { shortTitle } from './titles.js';

export interface ImportContext {
  year: number | null;
  /** Unit names the office knows (its directory), to split glued names. */
  known: ReadonlySet<string>;
  /** What a paragraph number counts: 行 or 段. */
  unit: '行' | '段';
  /** "列第一位者为牵头单位，下同" was stated: in every later clause the first unit leads. */
  firstLeads: boolean;
  /** With firstLeads: "第一个逗号前为牵头单位，下同": the units before the first comma lead. */
  firstGroupLeads: boolean;
  /** Units a rule stated once ("以下各项均需各镇人民政府配合，不再一一列出") adds to every later task. */
  standing: StandingUnits;
  /** Enclosing headings by level (index 0 = level 1); empty slots are levels the plan skipped. */
  headings: string[];
  tasks: PlanTask[];
  phases: PlanPhase[];
  problems: string[];
  unrecognized: Unrecognized[];
}

/** A task as found, before its title, deadline and checks. */
export interface TaskDraft {
  /** The task's text in parts (paragraphs, or a table's task and detail cells); the first may start with its number. */
  texts: string[];
  /** A shorter name given by the document itself (a table's 任务 column beside its 具体措施). */
  title?: string;
  category?: string;
  lead: string[];
  assist: string[];
  leader: string[];
  /** Time fields: the clause's ("6月底完成"), a 完成时限 line or cell. */
  dueFields: string[];
  /** True when the text's dates are not the task's deadline (a problem found, telling what happened when). */
  dueFromFieldsOnly?: boolean;
  line: number;
  place: string;
}

/** The nearest enclosing heading. */
export function currentCategory(ctx: ImportContext): string {
  for (let i = ctx.headings.length - 1; i >= 0; i--) if (ctx.headings[i]) return ctx.headings[i];
  return '';
}

/** Sets the heading of `level`, dropping deeper ones. */
export function setHeading(ctx: ImportContext, level: number, text: string): void {
  dropHeadings(ctx, level);
  ctx.headings[level - 1] = text;
}

/** Forgets the headings at `level` and deeper (a new item at that level ends them). */
export function dropHeadings(ctx: ImportContext, level: number): void {
  if (ctx.headings.length >= level) ctx.headings.length = level - 1;
}

/** "第40行" / "第12段". */
export function placeOf(ctx: ImportContext, line: number): string {
  return `第${line}${ctx.unit}`;
}

// "任务名称：建设口袋公园；责任单位：……": the label is not the task's text.
const TEXT_LABEL = /^(?:任务名称|工作任务|重点任务|主要任务|任务内容|工作内容|具体内容|主要内容|具体措施|任务)\s*[：:]\s*/;

/** Adds the task; a draft naming no unit is listed as unrecognized instead. Returns the task, or null. */
export function addTask(ctx: ImportContext, draft: TaskDraft): PlanTask | null {
  const detail = draft.texts
    .map((text, i) => (i === 0 ? stripMarkers(text).replace(TEXT_LABEL, '') : text).trim())
    .filter((text) => text !== '')
    .join('\n');
  if (draft.lead.length === 0 && draft.assist.length === 0) {
    ctx.unrecognized.push({ line: draft.line, place: draft.place, text: brief(detail), reason: '写了分工，但没有写明具体单位，未生成任务' });
    return null;
  }
  const title = draft.title ?? shortTitle(detail);
  const task: PlanTask = {
    category: draft.category ?? currentCategory(ctx),
    title,
    detail,
    lead: draft.lead,
    assist: draft.assist,
    leader: draft.leader,
    line: draft.line,
    place: draft.place,
  };
  joinStanding(task, ctx.standing);
  const due = taskDue(ctx, draft, detail, title);
  if (due.due) task.due = due.due;
  if (due.text) task.dueText = due.text;
  if (task.lead.length === 0) ctx.problems.push(`${draft.place}：任务“${brief(title)}”只写了协助单位，没有写责任单位`);
  ctx.tasks.push(task);
  return task;
}

/** The latest deadline of the task's time fields and text; a time field without a date keeps its words. */
function taskDue(ctx: ImportContext, draft: TaskDraft, detail: string, title: string): Due {
  const fields = draft.dueFields.map((field) => deadlineInField(field, ctx.year));
  const candidates = [...fields, draft.dueFromFieldsOnly ? {} : deadlineInText(detail, ctx.year)].filter((d) => d.due !== undefined);
  candidates.sort((a, b) => (a.due! < b.due! ? 1 : -1));
  if (candidates.length > 0) return candidates[0];
  const problem = fields.find((f) => f.problem);
  if (problem) ctx.problems.push(`${draft.place}：任务“${brief(title)}”的完成时限无法识别（${problem.problem}），截止日期留空，请在台账中填写`);
  return fields.find((f) => f.text) ?? {};
}

/** A text shortened for a message. */
export function brief(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 24 ? `${line.slice(0, 24)}…` : line;
}
