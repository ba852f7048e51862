/** The store's runs, messages, reminder log, snapshots and notices of one ledger, in SQL both databases run. */
import type { OutgoingFile } from '../delivery/messenger.js';
import { mask } from '../log/logger.js';
import type { Card } from '../render/card.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import type { ReminderKind } from '../reports/reminder-types.js';
import type { MessageOutcome, MessageRecord, NoticeRecord, ReminderRecord, RunRecord, RunStatus } from './records.js';
import { conditions, type SqlDatabase } from './sql.js';
import type { Store } from './store.js';

interface RunRow { job: string; date: string; status: RunStatus; started_at: string; finished_at: string | null; detail: string | null }
interface MessageRow { job: string; date: string; chat: string; key: string; card: string; attachment: string | null; message_id: string | null; uuid: string | null; outcome: MessageOutcome; error: string | null; at: string; attempted_at: string | null }
interface ReminderRow { task: string; unit: string; date: string; job: string; chat: string; mentions: string; kind: string; outcome: MessageOutcome; message_id: string | null; at: string }

const toRun = (r: RunRow): RunRecord => ({ job: r.job, date: r.date, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, detail: r.detail });

const toMessage = (r: MessageRow): MessageRecord => ({
  job: r.job, date: r.date, chat: r.chat, key: r.key, card: JSON.parse(r.card) as Card,
  file: r.attachment ? (JSON.parse(r.attachment) as OutgoingFile) : null,
  messageId: r.message_id, uuid: r.uuid, outcome: r.outcome, error: r.error, at: r.at, attemptedAt: r.attempted_at,
});

const toReminder = (r: ReminderRow): ReminderRecord => ({
  taskId: r.task, unit: r.unit, date: r.date, job: r.job, chat: r.chat, mentions: JSON.parse(r.mentions) as string[],
  kind: r.kind as ReminderKind, outcome: r.outcome, messageId: r.message_id, at: r.at,
});

const START_RUN = `INSERT INTO runs (ledger, job, date, status, started_at) VALUES (?, ?, ?, 'started', ?)
  ON CONFLICT (ledger, job, date) DO UPDATE SET status = 'started', started_at = excluded.started_at, finished_at = NULL, detail = NULL`;
const FINISH_RUN = `INSERT INTO runs (ledger, job, date, status, started_at, finished_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (ledger, job, date) DO UPDATE SET status = excluded.status, finished_at = excluded.finished_at, detail = excluded.detail`;
const LAST_RUNS = `SELECT r.* FROM runs r JOIN (SELECT job, MAX(date) AS date FROM runs WHERE ledger = ? GROUP BY job) l
  ON r.job = l.job AND r.date = l.date WHERE r.ledger = ? ORDER BY r.job`;
const INSERT_MESSAGE = `INSERT INTO messages (ledger, job, date, chat, key, card, attachment, outcome, at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
  ON CONFLICT (ledger, job, date, chat) DO NOTHING`;
const RECORD_DELIVERY = `UPDATE messages SET outcome = ?, at = ?, message_id = COALESCE(?, message_id), uuid = COALESCE(?, uuid), error = ?
  WHERE ledger = ? AND job = ? AND date = ? AND chat = ? AND outcome <> 'sent'`;
const RECORD_ATTEMPT = 'UPDATE messages SET attempted_at = COALESCE(attempted_at, ?) WHERE ledger = ? AND job = ? AND date = ? AND chat = ?';
const INSERT_REMINDER = `INSERT INTO reminder_log (ledger, task, unit, date, job, chat, mentions, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (ledger, task, unit, date) DO NOTHING`;
const HISTORY = `SELECT l.task, l.unit, l.date, l.job, l.chat, l.mentions, l.kind, m.outcome, m.message_id, m.at
  FROM reminder_log l JOIN messages m ON m.ledger = l.ledger AND m.job = l.job AND m.date = l.date AND m.chat = l.chat
  WHERE l.ledger = ?`;
const SAVE_SNAPSHOT = 'INSERT INTO snapshots (ledger, date, json) VALUES (?, ?, ?) ON CONFLICT (ledger, date) DO UPDATE SET json = excluded.json';
const SET_NOTICE = `INSERT INTO notices (ledger, key, date, value) VALUES (?, ?, ?, ?)
  ON CONFLICT (ledger, key) DO UPDATE SET date = excluded.date, value = excluded.value`;

type RunMethods =
  | 'getRun' | 'lastRuns' | 'startRun' | 'restartRun' | 'finishRun' | 'messages' | 'recordDelivery' | 'recordAttempt' | 'remindedOn' | 'history'
  | 'saveSnapshot' | 'snapshots' | 'notice' | 'setNotice' | 'firstReminders';

/** The run-side methods of the store for one ledger. */
export function runQueries(db: SqlDatabase, ledger: string): Pick<Store, RunMethods> {
  return {
    getRun: async (job, date) => {
      const [row] = await db.all<RunRow>('SELECT * FROM runs WHERE ledger = ? AND job = ? AND date = ?', [ledger, job, date]);
      return row ? toRun(row) : null;
    },
    lastRuns: async () => (await db.all<RunRow>(LAST_RUNS, [ledger, ledger])).map(toRun),
    startRun: (job, date, at, messages, reminders) =>
      db.transaction(async (tx) => {
        await tx.run(START_RUN, [ledger, job, date, at]);
        for (const m of messages) await tx.run(INSERT_MESSAGE, [ledger, job, date, m.chat, m.key, JSON.stringify(m.card), m.file ? JSON.stringify(m.file) : null, at]);
        for (const r of reminders) await tx.run(INSERT_REMINDER, [ledger, r.taskId, r.unit, date, job, r.chat, JSON.stringify(r.mentions), r.kind]);
      }),
    restartRun: async (job, date, at) => void (await db.run(START_RUN, [ledger, job, date, at])),
    // What a server answered can hold a secret it echoed back: masked before it is stored (and shown by /healthz).
    finishRun: async (job, date, status, at, detail = null) => void (await db.run(FINISH_RUN, [ledger, job, date, status, at, at, detail === null ? null : mask(detail)])),
    messages: async (job, date) =>
      (await db.all<MessageRow>('SELECT * FROM messages WHERE ledger = ? AND job = ? AND date = ? ORDER BY seq', [ledger, job, date])).map(toMessage),
    recordDelivery: async (job, date, chat, d) =>
      void (await db.run(RECORD_DELIVERY, [d.outcome, d.at, d.messageId ?? null, d.uuid ?? null, d.error ? mask(d.error) : null, ledger, job, date, chat])),
    recordAttempt: async (job, date, chat, at) => void (await db.run(RECORD_ATTEMPT, [at, ledger, job, date, chat])),
    firstReminders: async () =>
      (await db.all<{ task: string; unit: string; date: string }>('SELECT task, unit, MIN(date) AS date FROM reminder_log WHERE ledger = ? GROUP BY task, unit ORDER BY task, unit', [ledger]))
        .map((r) => ({ taskId: r.task, unit: r.unit, date: r.date })),
    remindedOn: async (date) =>
      (await db.all<{ task: string; unit: string }>('SELECT task, unit FROM reminder_log WHERE ledger = ? AND date = ? ORDER BY seq', [ledger, date]))
        .map((r) => ({ taskId: r.task, unit: r.unit })),
    history: async (filter = {}) => {
      const where = conditions([['l.task = ?', filter.task], ['l.unit = ?', filter.unit]]);
      const rows = await db.all<ReminderRow>(`${HISTORY}${where.sql} ORDER BY l.date, l.unit, l.seq`, [ledger, ...where.params]);
      return rows.map(toReminder);
    },
    saveSnapshot: async (snapshot) => void (await db.run(SAVE_SNAPSHOT, [ledger, snapshot.date, JSON.stringify(snapshot)])),
    snapshots: async (options = {}) => {
      const limit = options.limit === undefined ? '' : ' LIMIT ?';
      const params = [ledger, options.before ?? '9999-12-31', ...(options.limit === undefined ? [] : [options.limit])];
      const rows = await db.all<{ json: string }>(`SELECT json FROM snapshots WHERE ledger = ? AND date <= ? ORDER BY date DESC${limit}`, params);
      return rows.map((r) => JSON.parse(r.json) as LedgerSnapshot);
    },
    notice: async (key) => {
      const [row] = await db.all<NoticeRecord>('SELECT key, date, value FROM notices WHERE ledger = ? AND key = ?', [ledger, key]);
      return row ?? null;
    },
    setNotice: async (key, date, value = null) => void (await db.run(SET_NOTICE, [ledger, key, date, value])),
  };
}
