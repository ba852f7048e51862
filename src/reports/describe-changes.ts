/** The digest's changes (new, done, late …) with the tasks' titles, ready to show. */
import type { DigestChanges, DigestChangesView, ChangeItem } from './digest-changes.js';
import type { LedgerIndex } from './ledger-index.js';
import { stateLabel } from './labels.js';

/** Turns change ids into displayable items with titles; ids no longer in the ledger are shown as such. */
export function describeChanges(changes: DigestChanges, index: LedgerIndex): DigestChangesView {
  const title = (id: string) => index.byId.get(id)?.title ?? '（已不在台账中）';
  const item = (kind: ChangeItem['kind'], id: string, detail: string): ChangeItem => ({ kind, id, title: title(id), detail });
  const percent = (value: number | null) => (value === null ? '未填' : `${value}%`);
  return {
    since: changes.since,
    items: [
      ...changes.newlyDone.map((id) => item('done', id, '新完成')),
      ...changes.newlyOverdue.map((id) => item('overdue', id, '新逾期')),
      ...changes.statusChanged.map((c) => item('status', c.id, `状态 ${stateLabel(c.from)} → ${stateLabel(c.to)}`)),
      ...changes.progressChanged.map((c) => item('progress', c.id, `进度 ${percent(c.from)} → ${percent(c.to)}`)),
      ...changes.stale.map((c) =>
        item('stale', c.id, `${c.workdaysSinceUpdate} 个工作日未更新${c.updated ? `（最后更新 ${c.updated}）` : ''}`),
      ),
    ],
  };
}
