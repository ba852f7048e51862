/**
 * The monthly progress collection (催报) under the configuration: who has reported this month (the ledger's 更新时间,
 * and reports made in chat), the 催报 cards of the collection day, and the digest's list of who has not reported.
 */
import { zonedInstant } from '../calendar/zoned-time.js';
import type { IsoDate } from '../domain/types.js';
import type { BuiltRun } from '../jobs/run-job.js';
import { collectDoc, type CollectSection } from '../render/collect-doc.js';
import { renderDocCard } from '../render/render-card.js';
import { collectionDay, unreportedUnits, type UnreportedUnit } from '../reports/collect.js';
import type { DubanConfig } from '../config/schema.js';
import type { WorkCalendar } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Delivery } from './delivery.js';
import type { ParsedLedger } from './read-ledger.js';

/** What the collection reads: the ledger, the date, the calendar and configuration, the store, and account lookup. */
export interface CollectInputs {
  parsed: ParsedLedger;
  today: IsoDate;
  calendar: WorkCalendar;
  config: DubanConfig;
  store: Pick<Store, 'requests'>;
  delivery: Pick<Delivery, 'resolveMentions'>;
  sheetUrl: string | null;
}

/** True when the unit reported on the task in chat this month (a progress report, a completion or extension request). */
async function reportedInChat(store: Pick<Store, 'requests'>, today: IsoDate, timezone: string): Promise<(taskId: string, unit: string) => boolean> {
  const since = zonedInstant(`${today.slice(0, 8)}01`, '00:00', timezone).toISOString();
  const reported = new Set((await store.requests({ since })).filter((r) => r.kind !== 'ack').map((r) => `${r.taskId}\n${r.unit}`));
  return (taskId, unit) => reported.has(`${taskId}\n${unit}`);
}

/** After this month's collection day, the units that have not reported (for the digest); undefined before it or without collect.day. */
export async function notReported(
  inputs: Pick<CollectInputs, 'parsed' | 'today' | 'calendar' | 'config'> & { store: Pick<Store, 'requests'> | null },
): Promise<UnreportedUnit[] | undefined> {
  const { today, config, calendar } = inputs;
  if (config.collect.day === undefined || today <= collectionDay(today, config.collect.day, calendar)) return undefined;
  const reported = inputs.store ? await reportedInChat(inputs.store, today, config.timezone) : () => false;
  return unreportedUnits(inputs.parsed.ledger, today, reported);
}

/** The collection day's 催报: one card per chat (the unit's work group, else chats.default, else chats.office). */
export async function collectRun(inputs: CollectInputs): Promise<BuiltRun> {
  const { parsed, today, config, store } = inputs;
  const units = unreportedUnits(parsed.ledger, today, await reportedInChat(store, today, config.timezone));
  const byId = new Map(parsed.ledger.tasks.map((t) => [t.id, t]));
  const byChat = new Map<string, CollectSection[]>();
  for (const { unit, taskIds } of units) {
    const entry = parsed.directory.get(unit);
    const chat = entry?.chat || config.chats.default || config.chats.office;
    if (!chat) continue;
    const liaison = entry?.liaisonAccount ? { account: entry.liaisonAccount, name: entry.liaison ?? unit, role: 'liaison' as const } : null;
    byChat.set(chat, [...(byChat.get(chat) ?? []), { unit, liaison, tasks: taskIds.map((id) => ({ id, title: byId.get(id)?.title ?? '' })) }]);
  }
  const { ids } = await inputs.delivery.resolveMentions([...byChat.values()].flat().flatMap((s) => (s.liaison ? [s.liaison.account] : [])));
  return {
    messages: [...byChat].map(([chat, sections]) => ({ chat, key: `collect|${today}|${chat}`, card: renderDocCard(collectDoc(sections, today), { mentionIds: ids, sheetUrl: inputs.sheetUrl }) })),
  };
}
