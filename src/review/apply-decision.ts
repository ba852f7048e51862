/**
 * The one place the 督办 loop writes the ledger: a progress report, an approved extension (截止日期, 原截止日期 kept
 * once, 延期次数), an approved completion (状态, 进度 100%, 办结时间, 佐证材料). Each write is one updateTask call
 * (one atomic write per backend; what the sheet has no column for goes into the note), its note signed, dated and
 * tagged with the request id, so a write that happened before a crash is recognised and never made twice.
 */
import type { IsoDate, Task } from '../domain/types.js';
import { matchHeader } from '../ledger/headers.js';
import type { LedgerSource, TaskUpdate, WriteOutcome } from '../sources/source.js';
import type { RequestRecord } from '../store/records.js';

/** The tag a request leaves in the note it wrote: "（R12）". */
export const requestTag = (request: Pick<RequestRecord, 'id'>) => `（${request.id}）`;

/** What the ledger gets for a request, signed by `by` on `date`. */
export function ledgerUpdateFor(request: RequestRecord, by: string, date: IsoDate): TaskUpdate {
  const tag = requestTag(request);
  if (request.kind === 'progress') {
    return {
      status: request.statusWord,
      progress: request.progress === undefined ? undefined : `${request.progress}%`,
      // A report without a note leaves the note column alone: no entry holding just the tag.
      note: request.note ? `${request.note}${tag}` : undefined,
      by,
      date,
    };
  }
  if (request.kind === 'extend') {
    // The source writes 截止日期, keeps the old date in 原截止日期 at the first extension and counts 延期次数;
    // what the sheet has no column for goes into this note entry.
    return { status: '已延期', newDue: request.newDue, note: `同意延期至 ${request.newDue}${tag}；延期原因：${request.reason ?? ''}`, by, date };
  }
  return {
    status: '已完成',
    progress: '100%',
    closedOn: date,
    evidence: request.evidence.map((e) => ({ name: e.name, ...(e.url ? { url: e.url } : {}) })),
    note: `同意办结${tag}${request.note ? `；办结说明：${request.note}` : ''}`,
    by,
    date,
  };
}

/** True when the task's note already carries this request's tag: the write happened (perhaps before a crash). */
export function alreadyWritten(request: RequestRecord, task: Pick<Task, 'note'>): boolean {
  return task.note.includes(requestTag(request));
}

/** Writes the request to the ledger; throws (a WriteBackError or a source error) when it cannot, leaving the ledger untouched. */
export function writeRequest(source: LedgerSource, request: RequestRecord, task: Task, by: string, date: IsoDate): Promise<WriteOutcome> {
  return source.updateTask(task.id, ledgerUpdateFor(request, by, date));
}

/** What a write changed, for the person told: the note column shows only the entry appended. */
export function describeChanges(outcome: WriteOutcome): string {
  return outcome.changes
    .map((c) => (matchHeader(c.column) === 'note' ? `${c.column}追加“${c.after.split('\n').at(-1)}”` : `${c.column}：${c.after}`))
    .join('；');
}
