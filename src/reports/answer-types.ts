/** The answer to a question as a view model: its tasks, sections and lines (src/render formats it). */
import type { IsoDate, Ledger, ReportOptions, TaskState, TrafficLight, WorkCalendar } from '../domain/types.js';
import type { UnitDirectory } from '../domain/unit-directory.js';

/** Everything an answer is computed from. `asker.unit` is the canonical unit of the person asking, when known. */
export interface AnswerContext {
  ledger: Ledger;
  directory: UnitDirectory;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
  asker?: { unit: string | null };
}

/** A task as an answer lists it. `status` is the Chinese state word; `role` is the asked unit's role. */
export interface AnswerTask {
  id: string;
  title: string;
  role: 'lead' | 'assist';
  status: string;
  due: IsoDate | null;
  overdue: boolean;
  state: TaskState;
  lead: string[];
  assist: string[];
  light: TrafficLight;
  /** Why it has that level, in words ("逾期 7 个工作日"); "" when it has none to give. */
  warning: string;
  daysOverdue: number;
  workdaysLeft: number | null;
  dueSoon: boolean;
  progress: number | null;
  /** The deadline as written in the sheet ("6月底前", "每季度末", "长期坚持"). */
  dueText: string;
  note: string;
  updated: IsoDate | null;
}

/** A titled group of tasks inside an answer ("牵头" / "协助"). */
export interface AnswerSection {
  heading: string;
  tasks: AnswerTask[];
}

/** Tasks counted per lead unit (a grouping question: 按单位统计, 哪个单位最多). */
export interface AnswerGroup {
  unit: string;
  count: number;
  taskIds: string[];
}

/** The answer to one question (view model; src/render turns it into text, markdown or a card). */
export interface Answer {
  /** What was asked: list, count, rate, group, who, detail, overview, help, update, unknown. */
  intent: string;
  /** False when nothing in the question was understood (then `lines` hold a short help). */
  understood: boolean;
  /** How many tasks the question selects. */
  count: number;
  /** Completion rate of the selected tasks, percent with one decimal, when asked. */
  rate?: number;
  groups?: AnswerGroup[];
  /** Names offered for an ambiguous unit. */
  candidates?: string[];
  /** Words not understood. */
  ignored?: string[];
  /** Unit-like names that match no unit. */
  notFound?: string[];
  /** Canonical names of the units the answer is about. */
  units: string[];
  /** Every task in the sections, in order (a task may appear once per role). */
  tasks: AnswerTask[];
  title: string;
  /** Lines shown under the title, before the sections (summaries, help examples, details). */
  lines: string[];
  sections: AnswerSection[];
  /** True when nothing matched: the title then says so ("区交通局目前没有逾期任务"). */
  empty: boolean;
  /** A hint shown after the answer: near names, how to register, what else to ask. */
  notice?: string;
}
