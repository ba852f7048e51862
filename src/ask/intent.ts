/** What a question asks, independent of how it was phrased (Chinese or English). */
export type Role = 'lead' | 'assist' | 'any';

export type Intent =
  /** "交通局负责哪些任务", "X协助哪些任务", "X有哪些任务", "which tasks does the transport bureau own". */
  | { kind: 'unit_tasks'; unit: string; role: Role }
  /** "我的任务", "my tasks": the asker's own unit, found from the directory by their account. */
  | { kind: 'my_tasks'; role: Role }
  /** "哪些任务逾期了", "交通局有哪些逾期任务", "overdue tasks of the transport bureau". */
  | { kind: 'overdue'; unit: string | null }
  /** "本周到期", "3天内到期", "本月到期", "due this week". `days` is set when period is 'days'. */
  | { kind: 'due'; period: 'week' | 'month' | 'days'; days: number | null; unit: string | null }
  /** "任务6", "#6", "task 6", "任务 6 进展". */
  | { kind: 'task'; id: string }
  /** "双拥公园": tasks whose title, category or note mentions the keyword. */
  | { kind: 'keyword'; keyword: string }
  /** "总体进展", "overall progress". */
  | { kind: 'progress' }
  /** "哪些单位逾期最多", "which units have the most overdue tasks". */
  | { kind: 'ranking' }
  | { kind: 'help' }
  /** A progress update from chat: "更新 6 进度 80% 已完成 备注…", "update task 6 progress 80". */
  | { kind: 'update'; id: string; status: string | null; progress: string | null; note: string | null }
  | { kind: 'unknown'; text: string };

export type IntentKind = Intent['kind'];
