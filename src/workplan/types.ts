/** Shapes of a work plan read into tasks (the `duban import-plan` result). */
import type { IsoDate } from '../domain/types.js';

/** One task found in the plan: a sentence with its unit clause. */
export interface PlanTask {
  category: string;
  title: string;
  lead: string[];
  assist: string[];
  /** 1-based line in the document where the task's text is. */
  line: number;
  /** The deadline the task's sentence names ("于2024年6月底前完成"), when it names one. */
  due?: IsoDate;
}

/** A phase of the plan ("宣传发动阶段（2020年11月——12月）") with its date window. */
export interface PlanPhase {
  name: string;
  start: IsoDate | null;
  due: IsoDate | null;
  /** The date text as written. */
  raw: string;
}

export interface PlanImport {
  tasks: PlanTask[];
  phases: PlanPhase[];
  /** Chinese notes for the office: items not turned into tasks, tasks without a lead unit. */
  problems: string[];
}
