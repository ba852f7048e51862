/** The pieces a question is read into, each found at a span of the normalised text. */
import type { IsoDate, TaskState } from '../../domain/types.js';

/** A window of deadlines, both ends included. */
export interface TimeWindow {
  from: IsoDate;
  to: IsoDate;
  /** How the answer names it: "本周", "10月底前", "国庆前". */
  label: string;
  /** The start of the named period ("本月" → the 1st): an overdue question looks back to it. */
  periodStart?: IsoDate;
}

/** Completion and timeliness words: the four states, "not done", overdue, extended. */
export type StateWord = TaskState | 'not_done' | 'open' | 'overdue' | 'not_overdue' | 'extended';

/** Warning levels and "behind schedule" (滞后: overdue or lagging the time-elapsed schedule). */
export type WarningWord = 'red' | 'yellow' | 'blue' | 'green' | 'behind';

/** What the question asks for besides which tasks. */
export type AskWord = 'who' | 'detail' | 'count' | 'rate' | 'group' | 'slowest' | 'list' | 'all' | 'overview' | 'help';

export type RoleWord = 'lead' | 'assist' | 'joint';

export type Piece =
  /** Units named in the question; several when the name is ambiguous. `how`: as written, a short form, a typo. */
  | { kind: 'unit'; units: string[]; said: string; how: 'name' | 'short' | 'typo' | 'fragment' }
  /** A unit-like name that matches no unit ("区统计局"). */
  | { kind: 'unknownUnit'; said: string }
  | { kind: 'self' }
  | { kind: 'task'; id: string }
  | { kind: 'window'; window: TimeWindow }
  | { kind: 'state'; state: StateWord }
  | { kind: 'warning'; level: WarningWord }
  /** "进度低于50%", "进度为0". */
  | { kind: 'progress'; below?: number; atLeast?: number }
  /** "好久没更新的", "两周没更新": open tasks whose 更新时间 is older than that (default 10 working days). */
  | { kind: 'stale'; days: number; workdays: boolean }
  /** "逾期超过10天", "逾期5个工作日以上". */
  | { kind: 'overdueBy'; min: number; max?: number; workdays: boolean }
  | { kind: 'role'; role: RoleWord }
  | { kind: 'ask'; ask: AskWord }
  /** A deadline word: 到期, 截止, 要交, due. */
  | { kind: 'due' }
  /** Deadlines coming up soon: 即将到期, 快到期, due soon. */
  | { kind: 'soon' }
  /** "没有协助单位". */
  | { kind: 'noAssist' }
  /** A word for tasks (任务, 事项, 工作): the message is about the ledger. */
  | { kind: 'noun' }
  /** Words between units that make a list of them ("和", "、", "and"). */
  | { kind: 'and' }
  | { kind: 'keyword'; text: string }
  /** An English word for a topic, with the ledger's Chinese words for it ("park" → 公园). */
  | { kind: 'terms'; said: string; terms: string[] }
  /** "都完成了吗", "干完了没": asks whether the work is done, so the undone work is the answer (or the task's detail). */
  | { kind: 'doneQuestion' }
  /** Words that carry no meaning here (请问, 一下, 呢, the). */
  | { kind: 'filler' }
  /** Small talk (谢谢, 哈哈, 天气): not a question about the ledger. */
  | { kind: 'chat' };

/** A piece at [start, end) of the normalised text; among overlapping spans the longer (then higher priority) wins. */
export interface Span {
  start: number;
  end: number;
  piece: Piece;
  priority: number;
}

/** A word table entry: a regex (global, linear) and the piece its match means (null: not this time). */
export interface PieceRule {
  pattern: RegExp;
  piece: (match: RegExpExecArray) => Piece | null;
  priority?: number;
}

/** Every span the rules find in the text. */
export function findSpans(text: string, rules: readonly PieceRule[]): Span[] {
  const spans: Span[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0] === '') {
        rule.pattern.lastIndex += 1;
        continue;
      }
      const piece = rule.piece(match);
      if (piece) spans.push({ start: match.index, end: match.index + match[0].length, piece, priority: rule.priority ?? 0 });
    }
  }
  return spans;
}

/** Non-overlapping spans, longest first (then by priority, then leftmost), returned in text order. */
export function resolveOverlaps(spans: readonly Span[]): Span[] {
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const end = spans.reduce((n, s) => Math.max(n, s.end), 0);
  // One mark per character taken: each span is checked against its own characters only, so this stays linear.
  const occupied = new Uint8Array(end);
  const taken: Span[] = [];
  for (const span of ordered) {
    let free = true;
    for (let i = span.start; i < span.end && free; i++) free = occupied[i] === 0;
    if (!free) continue;
    occupied.fill(1, span.start, span.end);
    taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}
