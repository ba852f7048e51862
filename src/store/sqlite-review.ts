/** The 督办 loop's part of the SQLite store: requests and their evidence, acknowledgements, handled event ids. */
import type Database from 'better-sqlite3';
import type { AckRecord, Evidence, RequestRecord } from './records.js';
import type { Store } from './store.js';

type ReviewMethods = Pick<
  Store,
  'createRequest' | 'requests' | 'request' | 'claimRequest' | 'decideRequest' | 'addEvidence' | 'setRequestCard' | 'setRequestReply' | 'recordAck' | 'acks' | 'recordEvent'
>;

interface RequestRow {
  seq: number; kind: RequestRecord['kind']; task: string; unit: string; by_name: string; by_account: string | null; at: string;
  status: RequestRecord['status']; new_due: string | null; old_due: string | null; reason: string | null; note: string | null;
  progress: number | null; status_word: string | null; decided_by: string | null; decided_at: string | null; decision_reason: string | null; error: string | null;
  card_message_id: string | null; chat: string | null; source_message_id: string | null; reply_message_id: string | null; written_at: string | null;
}
interface EvidenceRow { request: number; name: string; file_key: string | null; url: string | null }
interface AckRow { task: string; unit: string; by_name: string; by_account: string | null; at: string }

// Event ids are kept a week: Feishu re-delivers within hours (15 s, 5 min, 1 h, 6 h); older ones are pruned now and then.
const EVENT_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

/** "R12" → 12; null for anything else. */
const seqOf = (id: string): number | null => {
  const m = /^R(\d{1,15})$/i.exec(id.trim());
  return m ? Number(m[1]) : null;
};

/** Drops null columns so an absent optional field stays absent, as the record type says. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function toRequest(r: RequestRow, evidence: Evidence[]): RequestRecord {
  return {
    ...defined({
      newDue: r.new_due, oldDue: r.old_due, reason: r.reason, note: r.note, progress: r.progress, statusWord: r.status_word, decidedBy: r.decided_by,
      decidedAt: r.decided_at, decisionReason: r.decision_reason, error: r.error, cardMessageId: r.card_message_id, chat: r.chat,
      sourceMessageId: r.source_message_id, replyMessageId: r.reply_message_id, writtenAt: r.written_at,
    }),
    id: `R${r.seq}`, kind: r.kind, taskId: r.task, unit: r.unit, by: r.by_name, byAccount: r.by_account, at: r.at, status: r.status, evidence,
  } as RequestRecord;
}

const toEvidence = (e: EvidenceRow): Evidence => defined({ name: e.name, fileKey: e.file_key, url: e.url }) as Evidence;
const toAck = (a: AckRow): AckRecord => ({ taskId: a.task, unit: a.unit, by: a.by_name, byAccount: a.by_account, at: a.at });

/** The review methods on an open, migrated database. Queries are portable SQL (a PostgreSQL store runs the same). */
export function sqliteReviewMethods(db: Database.Database): ReviewMethods {
  const q = {
    insert: db.prepare(
      `INSERT INTO requests (kind, task, unit, by_name, by_account, at, status, new_due, old_due, reason, note, progress, status_word,
         decided_by, decided_at, error, card_message_id, chat, source_message_id, reply_message_id, written_at)
       VALUES (@kind, @task, @unit, @by, @byAccount, @at, @status, @newDue, @oldDue, @reason, @note, @progress, @statusWord,
         @decidedBy, @decidedAt, @error, @cardMessageId, @chat, @sourceMessageId, @replyMessageId, @writtenAt)`,
    ),
    one: db.prepare('SELECT * FROM requests WHERE seq = ?'),
    list: db.prepare(
      `SELECT * FROM requests WHERE (@status IS NULL OR status = @status) AND (@task IS NULL OR task = @task)
       AND (@kind IS NULL OR kind = @kind) AND (@since IS NULL OR at >= @since) ORDER BY seq`,
    ),
    evidenceOf: db.prepare('SELECT * FROM request_evidence WHERE request = ? ORDER BY id'),
    allEvidence: db.prepare('SELECT * FROM request_evidence ORDER BY id'),
    claim: db.prepare(
      `UPDATE requests SET claimed_by = @by, claimed_until = @until
       WHERE seq = @seq AND status IN ('pending', 'failed') AND (claimed_until IS NULL OR claimed_until < @at)`,
    ),
    decide: db.prepare(
      `UPDATE requests SET status = @status, decided_by = @by, decided_at = @at, decision_reason = COALESCE(@reason, decision_reason),
         error = @error, written_at = COALESCE(@writtenAt, written_at), claimed_by = NULL, claimed_until = NULL
       WHERE seq = @seq AND status IN ('pending', 'failed')`,
    ),
    addEvidence: db.prepare('INSERT INTO request_evidence (request, name, file_key, url) VALUES (?, ?, ?, ?)'),
    setCard: db.prepare('UPDATE requests SET card_message_id = ? WHERE seq = ?'),
    setReply: db.prepare('UPDATE requests SET reply_message_id = ? WHERE seq = ?'),
    insertAck: db.prepare('INSERT INTO acks (task, unit, by_name, by_account, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (task, unit) DO NOTHING'),
    acks: db.prepare(
      `SELECT * FROM acks WHERE (@task IS NULL OR task = @task) AND (@unit IS NULL OR unit = @unit) AND (@since IS NULL OR at >= @since)
       ORDER BY at, task, unit`,
    ),
    insertEvent: db.prepare('INSERT INTO events (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING'),
    pruneEvents: db.prepare('DELETE FROM events WHERE at < ?'),
  };

  const load = (seq: number | null): RequestRecord | null => {
    const row = seq === null ? undefined : (q.one.get(seq) as RequestRow | undefined);
    return row ? toRequest(row, (q.evidenceOf.all(row.seq) as EvidenceRow[]).map(toEvidence)) : null;
  };
  let eventsSincePrune = 0;

  return {
    createRequest: async (request) => {
      const info = q.insert.run({
        kind: request.kind, task: request.taskId, unit: request.unit, by: request.by, byAccount: request.byAccount, at: request.at,
        status: request.status ?? 'pending', newDue: request.newDue ?? null, oldDue: request.oldDue ?? null, reason: request.reason ?? null,
        note: request.note ?? null, progress: request.progress ?? null, statusWord: request.statusWord ?? null, decidedBy: request.decidedBy ?? null, decidedAt: request.decidedAt ?? null,
        error: request.error ?? null, cardMessageId: request.cardMessageId ?? null, chat: request.chat ?? null,
        sourceMessageId: request.sourceMessageId ?? null, replyMessageId: request.replyMessageId ?? null, writtenAt: request.writtenAt ?? null,
      });
      return load(Number(info.lastInsertRowid))!;
    },
    requests: async (filter = {}) => {
      const rows = q.list.all({ status: filter.status ?? null, task: filter.taskId ?? null, kind: filter.kind ?? null, since: filter.since ?? null }) as RequestRow[];
      const evidence = new Map<number, Evidence[]>();
      for (const e of q.allEvidence.all() as EvidenceRow[]) evidence.set(e.request, [...(evidence.get(e.request) ?? []), toEvidence(e)]);
      return rows.map((r) => toRequest(r, evidence.get(r.seq) ?? []));
    },
    request: async (id) => load(seqOf(id)),
    claimRequest: async (id, claim) => {
      const seq = seqOf(id);
      if (seq === null || q.claim.run({ seq, by: claim.by, until: claim.until, at: claim.at }).changes === 0) return null;
      return load(seq);
    },
    decideRequest: async (id, d) => {
      const seq = seqOf(id);
      const params = { seq, status: d.status, by: d.by, at: d.at, reason: d.reason ?? null, error: d.error ?? null, writtenAt: d.writtenAt ?? null };
      if (seq === null || q.decide.run(params).changes === 0) return null;
      return load(seq);
    },
    addEvidence: async (requestId, e) => {
      const seq = seqOf(requestId);
      if (seq !== null) q.addEvidence.run(seq, e.name, e.fileKey ?? null, e.url ?? null);
    },
    setRequestCard: async (requestId, messageId) => void q.setCard.run(messageId, seqOf(requestId)),
    setRequestReply: async (requestId, messageId) => void q.setReply.run(messageId, seqOf(requestId)),
    recordAck: async (ack) => q.insertAck.run(ack.taskId, ack.unit, ack.by, ack.byAccount, ack.at).changes === 1,
    acks: async (filter = {}) =>
      (q.acks.all({ task: filter.taskId ?? null, unit: filter.unit ?? null, since: filter.since ?? null }) as AckRow[]).map(toAck),
    recordEvent: async (id, at) => {
      const fresh = q.insertEvent.run(id, at).changes === 1;
      if (fresh && ++eventsSincePrune >= PRUNE_EVERY) {
        eventsSincePrune = 0;
        q.pruneEvents.run(new Date(Date.parse(at) - EVENT_KEEP_MS).toISOString());
      }
      return fresh;
    },
  };
}
