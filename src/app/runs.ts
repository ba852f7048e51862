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
import { buildDigest, type Digest } from '../reports/digest.js';
import type { Card } from '../render/card.js';
import { reminderItems } from '../reports/reminder-items.js';
import type { ReminderCard } from '../render/reminders.js';
import { renderDigestCard } from '../render/digest.js';
import { renderProblemsCard } from '../render/problems.js';
import { renderDocCard } from '../render/render-card.js';
import { classifyTasks } from '../reports/classify.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { LedgerSource } from '../sources/source.js';
import { writeWarningColumn } from './warning-column.js';
import type { ReminderEntry } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { ParsedLedger } from './read-ledger.js';
import type { Delivery } from './delivery.js';
import { ackOverdue } from './acknowledgements.js';
import { notReported } from './collection.js';
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
  /** Where the ledger lives, for the daily 预警 column (warnings.writeColumn); absent: nothing is written. */
  source?: LedgerSource;
  logger?: Logger;
  /** Feishu's in-app 加急 on a sent message (reminders.urgent: app, with a Feishu app); returns the ids refused. */
  urgent?: (messageId: string, openIds: string[]) => Promise<string[]>;
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
): Promise<{ current: LedgerSnapshot; changes: DigestChanges | null; history: LedgerSnapshot[] }> {
  const current = snapshotLedger(ledger, today);
  const history = (await store.snapshots({ before: today, limit: 30 })).filter((s) => s.date < today);
  const previous = kind === 'weekly' ? (history.find((s) => s.date <= addDays(today, -7)) ?? history.at(-1)) : history[0];
  return { current, changes: previous ? diffSnapshots(previous, current, { calendar, staleAfterWorkdays, history }) : null, history };
}

/** The day's digest of a ledger with the changes since the previous snapshot, and today's snapshot to save. */
export async function ledgerDigest(inputs: RunInputs): Promise<{ digest: Digest; snapshot: LedgerSnapshot }> {
  const { parsed, today, calendar, options, config, store } = inputs;
  assertUsableLedger(parsed.ledger);
  const { current, changes, history } = await changesSince(store, parsed.ledger, today, calendar, config.staleAfterWorkdays, 'digest');
  const digest = buildDigest(parsed.ledger, today, calendar, options, changes, history);
  const unreported = await notReported({ parsed, today, calendar, config, store });
  if (unreported) digest.notReported = unreported;
  return { digest, snapshot: current };
}

/**
 * The daily digest for the leaders' chat, with the changes since the previous snapshot; saves today's snapshot and,
 * with warnings.writeColumn, writes the day's levels into the ledger's 预警 column. A ledger without tasks throws.
 * `card` replaces the one-ledger card: a combined digest (several ledgers' sections), or null when another ledger's
 * run sends it.
 */
export async function digestRun(inputs: RunInputs, combined?: { card: Card | null; key: string }): Promise<BuiltRun> {
  const { parsed, today, calendar, options, config, store } = inputs;
  const { digest, snapshot } = await ledgerDigest(inputs);
  await store.saveSnapshot(snapshot);
  if (config.warnings.writeColumn && inputs.source) {
    await writeWarningColumn(inputs.source, parsed.ledger, classifyTasks(parsed.ledger.tasks, today, calendar, options), today, inputs.logger ?? silentLogger);
  }
  const chat = config.chats.leaders;
  if (!chat) return { messages: [] };
  if (combined) return { messages: combined.card ? [{ chat, card: combined.card, key: combined.key }] : [] };
  const card = renderDigestCard(digest, { sheetUrl: inputs.sheetUrl });
  return { messages: [{ chat, card, key: `digest|${today}|${chat}` }] };
}

/**
 * Today's reminders under the configured policy: one card per chat, liaisons @-mentioned, the office told of gaps;
 * tasks not acknowledged in time escalated, and with reminders.urgent: app their liaisons sent Feishu's 加急.
 * A ledger without tasks throws (UnusableLedgerError): the run is recorded as failed, not sent.
 */
export async function remindRun(inputs: RunInputs, context: RunContext | null): Promise<BuiltRun> {
  const { parsed, today, calendar, options, config, store } = inputs;
  assertUsableLedger(parsed.ledger);
  const unacknowledged = await ackOverdue(store, today, calendar, config.reminders.ackWithinWorkdays);
  const plan = planReminders({ ledger: parsed.ledger, directory: parsed.directory, today, calendar, options, config }, await context?.alreadyReminded(), unacknowledged);
  const cards = (await reminderCards(plan, inputs.delivery, inputs.sheetUrl)).filter((c): c is ReminderCard & { chat: string } => c.chat !== null);
  const reminders: ReminderEntry[] = reminderItems(plan).flatMap(({ unit, chat, kind, taskIds, mentions }) =>
    chat === null ? [] : taskIds.map((taskId) => ({ taskId, unit, chat, mentions, kind })),
  );
  const built: BuiltRun = { messages: cards.map(({ chat, card, key }) => ({ chat, card, key })), reminders };
  const urgent = inputs.urgent;
  if (config.reminders.urgent === 'app' && urgent) {
    built.afterSend = async (message, messageId) => {
      const escalated = plan.messages.filter((m) => m.chat === message.chat).flatMap((m) => m.units.filter((s) => s.escalation.length > 0 && s.liaison));
      const { ids } = await inputs.delivery.resolveMentions(escalated.map((s) => s.liaison!.account));
      const openIds = [...new Set(ids.values())];
      if (openIds.length > 0) await urgent(messageId, openIds);
    };
  }
  return built;
}

/** The office's sheet-problems report (表格体检). */
export function problemsRun(inputs: Pick<RunInputs, 'parsed' | 'config' | 'today'>, fingerprint: string): BuiltRun {
  const chat = inputs.config.chats.office;
  if (!chat) return { messages: [] };
  const card = renderProblemsCard(inputs.parsed.ledger.problems, inputs.parsed.ledger.source);
  return { messages: [{ chat, card, key: `problems|${inputs.today}|${fingerprint}` }] };
}
