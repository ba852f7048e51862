/**
 * What each scheduled job (and `--send`) posts: the digest to the leaders, one reminder card per chat, the weekly
 * summary, the sheet-problems report and office notices. Builders return messages; runJob delivers them once.
 */
import { addDays } from '../calendar/dates.js';
import type { OutgoingMessage } from '../delivery/messenger.js';
import type { DubanConfig } from '../config/schema.js';
import type { IsoDate, Ledger, ReportOptions, WorkCalendar } from '../domain/types.js';
import type { BuiltRun, RunContext } from '../jobs/run-job.js';
import { diffSnapshots, snapshotLedger, type LedgerSnapshot } from '../reports/changes.js';
import type { DigestChanges } from '../reports/digest-changes.js';
import { buildDigest } from '../reports/digest.js';
import { reminderItems } from '../reports/reminder-items.js';
import type { ReminderCard } from '../render/reminders.js';
import { renderDigestCard } from '../render/digest.js';
import { renderProblemsCard } from '../render/problems.js';
import { renderDocCard } from '../render/render-card.js';
import type { ReminderEntry } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { ParsedLedger } from './read-ledger.js';
import type { Delivery } from './delivery.js';
import { planReminders, reminderCards } from './reminder-plan.js';
import { assertUsableLedger } from './usable-ledger.js';

export interface RunInputs {
  parsed: ParsedLedger;
  today: IsoDate;
  calendar: WorkCalendar;
  options: ReportOptions;
  config: DubanConfig;
  store: Store;
  delivery: Pick<Delivery, 'resolveMentions'>;
  sheetUrl: string | null;
}

/** A plain notice card for the office chat; null when no office chat is configured. */
export function officeMessage(config: DubanConfig, title: string, lines: string[], key: string): OutgoingMessage | null {
  const chat = config.chats.office;
  if (!chat) return null;
  const card = renderDocCard({ title, severity: 'orange', summary: lines[0] ?? title, blocks: [{ kind: 'list', items: lines.map((l) => [l]) }] });
  return { chat, card, key };
}

/**
 * The ledger's snapshot for today and what changed since the previous digest (daily) or about a week ago (weekly);
 * null changes when there is no earlier snapshot.
 */
export async function changesSince(
  store: Pick<Store, 'snapshots'>,
  ledger: Ledger,
  today: IsoDate,
  calendar: WorkCalendar,
  staleAfterWorkdays: number,
  kind: 'digest' | 'weekly',
): Promise<{ current: LedgerSnapshot; changes: DigestChanges | null }> {
  const current = snapshotLedger(ledger, today);
  const history = (await store.snapshots({ before: today, limit: 30 })).filter((s) => s.date < today);
  const previous = kind === 'weekly' ? (history.find((s) => s.date <= addDays(today, -7)) ?? history.at(-1)) : history[0];
  return { current, changes: previous ? diffSnapshots(previous, current, { calendar, staleAfterWorkdays, history }) : null };
}

/**
 * The daily digest (or the weekly summary) for the leaders' chat, with the changes since the previous snapshot.
 * A ledger without tasks throws (UnusableLedgerError): the run is recorded as failed, not sent.
 */
export async function digestRun(inputs: RunInputs, kind: 'digest' | 'weekly'): Promise<BuiltRun> {
  const { parsed, today, calendar, options, config, store } = inputs;
  assertUsableLedger(parsed.ledger);
  const chat = config.chats.leaders;
  const { current, changes } = await changesSince(store, parsed.ledger, today, calendar, config.staleAfterWorkdays, kind);
  const digest = buildDigest(parsed.ledger, today, calendar, options, changes);
  if (kind === 'digest') await store.saveSnapshot(current);
  if (!chat) return { messages: [] };
  const card = renderDigestCard(digest, { sheetUrl: inputs.sheetUrl, title: kind === 'weekly' ? `督办周报 · ${today}` : undefined });
  return { messages: [{ chat, card, key: `${kind}|${today}|${chat}` }] };
}

/** Today's reminders under the configured policy: one card per chat, liaisons @-mentioned, the office told of gaps (a ledger without tasks throws). */
export async function remindRun(inputs: RunInputs, context: RunContext | null): Promise<BuiltRun> {
  const { parsed, today, calendar, options, config } = inputs;
  assertUsableLedger(parsed.ledger);
  const plan = planReminders({ ledger: parsed.ledger, directory: parsed.directory, today, calendar, options, config }, await context?.alreadyReminded());
  const cards = (await reminderCards(plan, inputs.delivery, inputs.sheetUrl)).filter((c): c is ReminderCard & { chat: string } => c.chat !== null);
  const reminders: ReminderEntry[] = reminderItems(plan).flatMap(({ unit, chat, kind, taskIds, mentions }) =>
    chat === null ? [] : taskIds.map((taskId) => ({ taskId, unit, chat, mentions, kind })),
  );
  return { messages: cards.map(({ chat, card, key }) => ({ chat, card, key })), reminders };
}

/** The office's sheet-problems report (表格体检). */
export function problemsRun(inputs: Pick<RunInputs, 'parsed' | 'config' | 'today'>, fingerprint: string): BuiltRun {
  const chat = inputs.config.chats.office;
  if (!chat) return { messages: [] };
  const card = renderProblemsCard(inputs.parsed.ledger.problems, inputs.parsed.ledger.source);
  return { messages: [{ chat, card, key: `problems|${inputs.today}|${fingerprint}` }] };
}
