/** The Chinese words for task states and traffic lights. */
import type { TaskState, TrafficLight } from '../domain/types.js';

/** The Chinese word shown for each completion state (also the `status` of ask JSON). */
export const STATE_LABELS: Readonly<Record<TaskState, string>> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  paused: '暂缓',
};

/** The Chinese name of each traffic light. */
export const LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = {
  green: '绿灯',
  blue: '蓝灯',
  yellow: '黄灯',
  red: '红灯',
};

/** Chinese label of a state. */
export function stateLabel(state: TaskState): string {
  return STATE_LABELS[state];
}
