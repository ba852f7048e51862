/** Units that lead tasks but have no liaison account in the unit directory: their reminders cannot @ anyone. */
import type { Ledger } from '../domain/types.js';

export interface LiaisonGap {
  unit: string;
  /** Tasks the unit leads. */
  tasks: number;
}

/** Each lead unit without a liaison account, with how many tasks it leads, in the order the ledger first names them. */
export function unitsWithoutLiaison(ledger: Ledger): LiaisonGap[] {
  const account = new Map(ledger.units.map((unit) => [unit.name, unit.liaisonAccount]));
  const counts = new Map<string, number>();
  for (const task of ledger.tasks) {
    for (const unit of task.lead) if (!account.get(unit)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].map(([unit, tasks]) => ({ unit, tasks }));
}
