/** The store's requests to the office (ids R1, R2, …), their evidence, and acknowledgements, for one ledger. */
import type { AckRecord, Evidence, RequestKind, RequestRecord, RequestStatus } from './records.js';
import { conditions, type SqlDatabase, type SqlValue } from './sql.js';
import type { Store } from './store.js';

interface RequestRow {
  seq: number | string; kind: RequestKind; task_id: string; unit: string; by_name: string; by_account: string | null; at: string;
  status: RequestStatus; new_due: string | null; old_due: string | null; reason: string | null; note: string | null;
  progress: number | null; decided_by: string | null; decided_at: string | null; error: string | null; card_message_id: string | null;
}
interface EvidenceRow { request_seq: number | string; name: string; file_key: string | null; url: string | null }
interface AckRow { task_id: string; unit: string; by_name: string; by_account: string | null; at: string }

/** The optional fields of a request, as [record field, column]: absent in the record when NULL in the row. */
const OPTIONAL = [
  ['newDue', 'new_due'], ['oldDue', 'old_due'], ['reason', 'reason'], ['note', 'note'], ['progress', 'progress'],
  ['decidedBy', 'decided_by'], ['decidedAt', 'decided_at'], ['error', 'error'], ['cardMessageId', 'card_message_id'],
] as const;

const toEvidence = (r: EvidenceRow): Evidence => ({ name: r.name, ...(r.file_key === null ? {} : { fileKey: r.file_key }), ...(r.url === null ? {} : { url: r.url }) });

function toRequest(r: RequestRow, evidence: Evidence[]): RequestRecord {
  const record: RequestRecord = {
    id: `R${Number(r.seq)}`, kind: r.kind, taskId: r.task_id, unit: r.unit, by: r.by_name, byAccount: r.by_account, at: r.at,
    status: r.status, evidence,
  };
  for (const [field, column] of OPTIONAL) if (r[column] !== null) Object.assign(record, { [field]: r[column] });
  return record;
}

const toAck = (r: AckRow): AckRecord => ({ taskId: r.task_id, unit: r.unit, by: r.by_name, byAccount: r.by_account, at: r.at });

/** The sequence number in an id such as R12; null for anything else. */
function seqOf(id: string): number | null {
  const match = /^R(\d{1,15})$/.exec(id.trim());
  return match ? Number(match[1]) : null;
}

const INSERT_REQUEST = `INSERT INTO requests (ledger, kind, task_id, unit, by_name, by_account, at, status, ${OPTIONAL.map(([, column]) => column).join(', ')})
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${OPTIONAL.map(() => '?').join(', ')}) RETURNING *`;
const DECIDE = `UPDATE requests SET status = ?, decided_by = ?, decided_at = ?, reason = COALESCE(?, reason), error = ?
  WHERE ledger = ? AND seq = ? AND status IN ('pending', 'failed') RETURNING *`;
const INSERT_ACK = `INSERT INTO acks (ledger, task_id, unit, by_name, by_account, at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (ledger, task_id, unit) DO NOTHING`;

type RequestMethods = 'createRequest' | 'requests' | 'request' | 'decideRequest' | 'addEvidence' | 'setRequestCard' | 'recordAck' | 'acks';

/** The request-side methods of the store for one ledger. */
export function requestQueries(db: SqlDatabase, ledger: string): Pick<Store, RequestMethods> {
  /** Requests matching `where` (after the ledger), each with its evidence, in the order they were made. */
  async function select(where: { sql: string; params: SqlValue[] }): Promise<RequestRecord[]> {
    const params = [ledger, ...where.params];
    const rows = await db.all<RequestRow>(`SELECT * FROM requests WHERE ledger = ?${where.sql} ORDER BY seq`, params);
    const evidence = await db.all<EvidenceRow>(
      `SELECT * FROM request_evidence WHERE request_seq IN (SELECT seq FROM requests WHERE ledger = ?${where.sql}) ORDER BY seq`,
      params,
    );
    return rows.map((row) => toRequest(row, evidence.filter((e) => Number(e.request_seq) === Number(row.seq)).map(toEvidence)));
  }
  const bySeq = (seq: number) => conditions([['seq = ?', seq]]);
  /** The request's sequence number; an id this ledger never gave out is a caller's mistake. */
  async function existing(id: string): Promise<number> {
    const seq = seqOf(id);
    if (seq !== null && (await db.all('SELECT seq FROM requests WHERE ledger = ? AND seq = ?', [ledger, seq])).length > 0) return seq;
    throw new Error(`no request ${id} in ledger ${ledger}`);
  }

  return {
    createRequest: async (request) => {
      const optional = OPTIONAL.map(([field]) => request[field] ?? null);
      const [row] = await db.all<RequestRow>(INSERT_REQUEST, [
        ledger, request.kind, request.taskId, request.unit, request.by, request.byAccount, request.at, request.status ?? 'pending', ...optional,
      ]);
      return toRequest(row, []);
    },
    requests: (filter = {}) =>
      select(conditions([['status = ?', filter.status], ['task_id = ?', filter.taskId], ['kind = ?', filter.kind], ['at >= ?', filter.since]])),
    request: async (id) => {
      const seq = seqOf(id);
      return seq === null ? null : ((await select(bySeq(seq)))[0] ?? null);
    },
    decideRequest: async (id, decision) => {
      const seq = seqOf(id);
      if (seq === null) return null;
      const error = decision.status === 'failed' ? (decision.error ?? null) : null;
      const decided = await db.all<RequestRow>(DECIDE, [decision.status, decision.by, decision.at, decision.reason ?? null, error, ledger, seq]);
      return decided.length === 0 ? null : (await select(bySeq(seq)))[0];
    },
    addEvidence: async (requestId, evidence) => {
      const seq = await existing(requestId);
      await db.run('INSERT INTO request_evidence (request_seq, name, file_key, url) VALUES (?, ?, ?, ?)', [seq, evidence.name, evidence.fileKey ?? null, evidence.url ?? null]);
    },
    setRequestCard: async (requestId, messageId) => {
      await db.run('UPDATE requests SET card_message_id = ? WHERE ledger = ? AND seq = ?', [messageId, ledger, await existing(requestId)]);
    },
    recordAck: async (ack) => (await db.run(INSERT_ACK, [ledger, ack.taskId, ack.unit, ack.by, ack.byAccount, ack.at])) === 1,
    acks: async (filter = {}) => {
      const where = conditions([['task_id = ?', filter.taskId], ['unit = ?', filter.unit], ['at >= ?', filter.since]]);
      return (await db.all<AckRow>(`SELECT * FROM acks WHERE ledger = ?${where.sql} ORDER BY seq`, [ledger, ...where.params])).map(toAck);
    },
  };
}
