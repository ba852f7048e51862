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
import { buildReminderPlan } from '../reports/reminders.js';
import type { ReminderMessage, ReminderPlan, UnitReminder } from '../reports/reminder-types.js';
import { renderDigestCard } from '../render/digest.js';
import { renderProblemsCard } from '../render/problems.js';
import { renderDocCard } from '../render/render-card.js';
import { reminderDoc } from '../render/reminder-doc.js';
import type { ReminderEntry } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { ParsedLedger } from './read-ledger.js';
import type { Delivery } from './delivery.js';

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
export function changesSince(
  store: Pick<Store, 'snapshots'>,
  ledger: Ledger,
  today: IsoDate,
  calendar: WorkCalendar,
  staleAfterWorkdays: number,
  kind: 'digest' | 'weekly',
): { current: LedgerSnapshot; changes: DigestChanges | null } {
  const current = snapshotLedger(ledger, today);
  const history = store.snapshots({ before: today, limit: 30 }).filter((s) => s.date < today);
  const previous = kind === 'weekly' ? (history.find((s) => s.date <= addDays(today, -7)) ?? history.at(-1)) : history[0];
  return { current, changes: previous ? diffSnapshots(previous, current, { calendar, staleAfterWorkdays, history }) : null };
}

/** The daily digest (or the weekly summary) for the leaders' chat, with the changes since the previous snapshot. */
export function digestRun(inputs: RunInputs, kind: 'digest' | 'weekly'): BuiltRun {
  const { parsed, today, calendar, options, config, store } = inputs;
  const chat = config.chats.leaders;
  const { current, changes } = changesSince(store, parsed.ledger, today, calendar, config.staleAfterWorkdays, kind);
  const digest = buildDigest(parsed.ledger, today, calendar, options, changes);
  if (kind === 'digest') store.saveSnapshot(current);
  if (!chat) return { messages: [] };
  const card = renderDigestCard(digest, { sheetUrl: inputs.sheetUrl, title: kind === 'weekly' ? `督办周报 · ${today}` : undefined });
  return { messages: [{ chat, card, key: `${kind}|${today}|${chat}` }] };
}

/** Drops tasks already reminded to their unit today, and sections left empty. */
function withoutReminded(plan: ReminderPlan, context: RunContext | null): ReminderPlan {
  if (!context) return plan;
  const fresh = (section: UnitReminder): UnitReminder => {
    const keep = <T extends { task: { id: string } }>(list: T[]) => list.filter((v) => !context.isReminded(v.task.id, section.unit));
    return { ...section, escalation: keep(section.escalation), overdue: keep(section.overdue), dueSoon: keep(section.dueSoon) };
  };
  const messages = plan.messages
    .map((m) => ({ ...m, units: m.units.map(fresh).filter((s) => s.escalation.length + s.overdue.length + s.dueSoon.length > 0) }))
    .filter((m) => m.units.length > 0);
  return { ...plan, messages };
}

/**
 * The plan's messages by the chat they go to, one per chat: a message without a work group goes to the office chat
 * (and is left out when there is none), merged with any units whose own group is the office chat.
 */
function byDestination(messages: readonly ReminderMessage[], officeChat: string | null): ReminderMessage[] {
  const byChat = new Map<string, ReminderMessage>();
  for (const message of messages) {
    const chat = message.chat ?? officeChat;
    if (!chat) continue;
    const same = byChat.get(chat);
    if (same) byChat.set(chat, { ...same, route: message.route === 'none' ? 'none' : same.route, units: [...same.units, ...message.units] });
    else byChat.set(chat, { ...message, chat });
  }
  return [...byChat.values()];
}

/** Today's reminders under the configured policy: one card per chat, liaisons @-mentioned, the office told of gaps. */
export async function remindRun(inputs: RunInputs, context: RunContext | null): Promise<BuiltRun> {
  const { parsed, today, calendar, options, config } = inputs;
  const plan = withoutReminded(
    buildReminderPlan(parsed.ledger, parsed.directory, today, calendar, options, {
      defaultChat: config.chats.default ?? null,
      officeChat: config.chats.office ?? null,
      daysBefore: config.reminders.daysBefore,
    }),
    context,
  );
  const accounts = plan.messages.flatMap((m) => m.units.flatMap((s) => [s.liaison?.account, s.leader?.account])).filter((a): a is string => Boolean(a));
  const { ids, unresolved } = await inputs.delivery.resolveMentions(accounts);
  const officeChat = config.chats.office ?? null;
  const gaps = [
    ...plan.unitsWithoutLiaison.map((unit) => `${unit}：单位通讯录中没有联络员账号，提醒无法 @ 到人`),
    ...unresolved.map((account) => `联络员账号 ${account} 无法解析为飞书用户，已按姓名显示；请在单位通讯录中改为 open_id 或正确的邮箱/手机号`),
  ];
  const gapsTitle = `催办提醒 · 需办公室处理（${today}）`;
  const messages: OutgoingMessage[] = [];
  const reminders: ReminderEntry[] = [];
  let gapsSent = false;
  for (const message of byDestination(plan.messages, officeChat)) {
    const chat = message.chat!;
    const doc = reminderDoc(message, today);
    // The store keeps one message per chat and run: the office's list rides along when the office chat gets reminders.
    if (chat === officeChat && gaps.length > 0) {
      doc.blocks.push({ kind: 'divider' }, { kind: 'heading', text: gapsTitle, tone: 'orange' }, { kind: 'list', items: gaps.map((g) => [g]) });
      gapsSent = true;
    }
    messages.push({ chat, card: renderDocCard(doc, { mentionIds: ids, sheetUrl: inputs.sheetUrl }), key: `remind|${today}|${chat}` });
    for (const section of message.units) {
      const mentions = [section.liaison?.account, section.escalation.length > 0 ? section.leader?.account : undefined].filter((a): a is string => Boolean(a));
      const entry = (kind: ReminderEntry['kind']) => (v: { task: { id: string } }) => reminders.push({ taskId: v.task.id, unit: section.unit, chat, mentions, kind });
      section.escalation.forEach(entry('escalation'));
      section.overdue.forEach(entry('overdue'));
      section.dueSoon.forEach(entry('due_soon'));
    }
  }
  const notice = gaps.length > 0 && !gapsSent ? officeMessage(config, gapsTitle, gaps, `remind-office|${today}`) : null;
  if (notice) messages.push(notice);
  return { messages, reminders };
}

/** The office's sheet-problems report (表格体检). */
export function problemsRun(inputs: Pick<RunInputs, 'parsed' | 'config' | 'today'>, fingerprint: string): BuiltRun {
  const chat = inputs.config.chats.office;
  if (!chat) return { messages: [] };
  const card = renderProblemsCard(inputs.parsed.ledger.problems, inputs.parsed.ledger.source);
  return { messages: [{ chat, card, key: `problems|${inputs.today}|${fingerprint}` }] };
}
