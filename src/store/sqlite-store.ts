/** The Store on SQLite (better-sqlite3, synchronous underneath): the embedded default, one file per data directory. */
import type Database from 'better-sqlite3';
import type { OutgoingMessage } from '../delivery/messenger.js';
import type { IsoDate } from '../domain/types.js';
import type { Card } from '../render/card.js';
import type { LedgerSnapshot } from '../reports/changes.js';
import type { ReminderKind } from '../reports/reminder-types.js';
import type { MessageOutcome, MessageRecord, NoticeRecord, ReminderEntry, ReminderRecord, RunRecord, RunStatus } from './records.js';
import type { Store } from './store.js';
import { mask } from '../log/logger.js';

interface RunRow { job: string; date: string; status: RunStatus; started_at: string; finished_at: string | null; detail: string | null }
interface MessageRow { job: string; date: string; chat: string; key: string; card: string; message_id: string | null; uuid: string | null; outcome: MessageOutcome; error: string | null; at: string; attempted_at: string | null }
interface ReminderRow { task: string; unit: string; date: string; job: string; chat: string; mentions: string; kind: string; outcome: MessageOutcome; message_id: string | null; at: string }

const toRun = (r: RunRow): RunRecord => ({ job: r.job, date: r.date, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, detail: r.detail });

const toMessage = (r: MessageRow): MessageRecord => ({
  job: r.job, date: r.date, chat: r.chat, key: r.key, card: JSON.parse(r.card) as Card,
  messageId: r.message_id, uuid: r.uuid, outcome: r.outcome, error: r.error, at: r.at, attemptedAt: r.attempted_at,
});

const toReminder = (r: ReminderRow): ReminderRecord => ({
  taskId: r.task, unit: r.unit, date: r.date, job: r.job, chat: r.chat, mentions: JSON.parse(r.mentions) as string[],
  kind: r.kind as ReminderKind, outcome: r.outcome, messageId: r.message_id, at: r.at,
});

/** Wraps an open, migrated database; each call runs synchronously and resolves at once. */
export function createSqliteStore(db: Database.Database, path: string): Store {
  const q = {
    getRun: db.prepare('SELECT * FROM runs WHERE job = ? AND date = ?'),
    lastRuns: db.prepare('SELECT r.* FROM runs r JOIN (SELECT job, MAX(date) AS date FROM runs GROUP BY job) l USING (job, date) ORDER BY r.job'),
    insertRun: db.prepare(
      `INSERT INTO runs (job, date, status, started_at) VALUES (?, ?, 'started', ?)
       ON CONFLICT (job, date) DO UPDATE SET status = 'started', started_at = excluded.started_at, finished_at = NULL, detail = NULL`,
    ),
    finishRun: db.prepare(
      `INSERT INTO runs (job, date, status, started_at, finished_at, detail) VALUES (@job, @date, @status, @at, @at, @detail)
       ON CONFLICT (job, date) DO UPDATE SET status = @status, finished_at = @at, detail = @detail`,
    ),
    insertMessage: db.prepare(
      `INSERT OR IGNORE INTO messages (job, date, chat, key, card, outcome, at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    ),
    messages: db.prepare('SELECT * FROM messages WHERE job = ? AND date = ? ORDER BY rowid'),
    delivery: db.prepare('UPDATE messages SET outcome = ?, at = ?, message_id = COALESCE(?, message_id), uuid = COALESCE(?, uuid), error = ? WHERE job = ? AND date = ? AND chat = ?'),
    attempt: db.prepare('UPDATE messages SET attempted_at = COALESCE(attempted_at, ?) WHERE job = ? AND date = ? AND chat = ?'),
    insertReminder: db.prepare(
      'INSERT OR IGNORE INTO reminder_log (task, unit, date, job, chat, mentions, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    remindedOn: db.prepare('SELECT task, unit FROM reminder_log WHERE date = ? ORDER BY rowid'),
    history: db.prepare(
      `SELECT l.*, m.outcome, m.message_id, m.at FROM reminder_log l JOIN messages m USING (job, date, chat)
       WHERE (@task IS NULL OR l.task = @task) AND (@unit IS NULL OR l.unit = @unit) ORDER BY l.date, l.unit, l.rowid`,
    ),
    saveSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (date, json) VALUES (?, ?)'),
    snapshots: db.prepare('SELECT json FROM snapshots WHERE date <= ? ORDER BY date DESC LIMIT ?'),
    notice: db.prepare('SELECT key, date, value FROM notices WHERE key = ?'),
    setNotice: db.prepare('INSERT OR REPLACE INTO notices (key, date, value) VALUES (?, ?, ?)'),
  };

  const startRun = db.transaction((job: string, date: IsoDate, at: string, messages: OutgoingMessage[], reminders: ReminderEntry[]) => {
    q.insertRun.run(job, date, at);
    for (const m of messages) q.insertMessage.run(job, date, m.chat, m.key, JSON.stringify(m.card), at);
    for (const r of reminders) q.insertReminder.run(r.taskId, r.unit, date, job, r.chat, JSON.stringify(r.mentions), r.kind);
  });

  return {
    path,
    getRun: async (job, date) => {
      const row = q.getRun.get(job, date) as RunRow | undefined;
      return row ? toRun(row) : null;
    },
    lastRuns: async () => (q.lastRuns.all() as RunRow[]).map(toRun),
    startRun: async (job, date, at, messages, reminders) => startRun(job, date, at, messages, reminders),
    restartRun: async (job, date, at) => void q.insertRun.run(job, date, at),
    // What a server answered can hold a secret it echoed back: masked before it is stored (and shown by /healthz).
    finishRun: async (job, date, status, at, detail = null) => void q.finishRun.run({ job, date, status, at, detail: detail === null ? null : mask(detail) }),
    messages: async (job, date) => (q.messages.all(job, date) as MessageRow[]).map(toMessage),
    recordDelivery: async (job, date, chat, d) =>
      void q.delivery.run(d.outcome, d.at, d.messageId ?? null, d.uuid ?? null, d.error ? mask(d.error) : null, job, date, chat),
    recordAttempt: async (job, date, chat, at) => void q.attempt.run(at, job, date, chat),
    remindedOn: async (date) => (q.remindedOn.all(date) as { task: string; unit: string }[]).map((r) => ({ taskId: r.task, unit: r.unit })),
    history: async (filter = {}) =>
      (q.history.all({ task: filter.task ?? null, unit: filter.unit ?? null }) as ReminderRow[]).map(toReminder),
    saveSnapshot: async (snapshot) => void q.saveSnapshot.run(snapshot.date, JSON.stringify(snapshot)),
    snapshots: async (options = {}) =>
      (q.snapshots.all(options.before ?? '9999-12-31', options.limit ?? -1) as { json: string }[]).map(
        (r) => JSON.parse(r.json) as LedgerSnapshot,
      ),
    notice: async (key) => (q.notice.get(key) as NoticeRecord | undefined) ?? null,
    setNotice: async (key, date, value = null) => void q.setNotice.run(key, date, value),
    close: async () => void db.close(),
  };
}
