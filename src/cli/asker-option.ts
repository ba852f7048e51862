/** `--as UNIT` (ask, chat): the asking unit, found through the unit directory, for "我们单位…" and "我的任务". */
import type { Asker } from '../app/ask-ledger.js';
import type { UnitDirectory } from '../domain/unit-directory.js';
import { UsageError } from './args.js';

/** The asker the option names, or undefined without the option; an unknown or ambiguous unit is a UsageError. */
export function askerOption(value: string | undefined, directory: UnitDirectory): Asker | undefined {
  if (value === undefined) return undefined;
  const match = directory.resolve(value.trim());
  if (match.kind === 'found') return { unit: match.unit.name, name: null };
  if (match.kind === 'ambiguous') {
    throw new UsageError(`--as "${value}" 不明确，可能是 ${match.candidates.map((u) => u.name).join('、')}：请写全称。`);
  }
  const near = match.near.length > 0 ? `相近的单位：${match.near.join('、')}。` : '请用台账或单位名录中的单位名称。';
  throw new UsageError(`--as：没有找到单位 "${value}"。${near}`);
}
