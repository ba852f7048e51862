/**
 * The one place the 督办 loop writes the ledger: a progress report, an approved extension, an approved completion.
 * Each write is one updateTask call (one atomic write per backend), its note signed, dated and tagged with the
 * request id, so a write that happened before a crash is recognised and never made twice.
 */
import type { IsoDate, Task } from '../domain/types.js';
import { matchHeader } from '../ledger/headers.js';
import type { LedgerSource, TaskUpdate, WriteOutcome } from '../sources/source.js';
import type { RequestRecord } from '../store/records.js';

/** The tag a request leaves in the note it wrote: "（R12）". */
export const requestTag = (request: Pick<RequestRecord, 'id'>) => `（${request.id}）`;

/** What the ledger gets for a request, signed by `by` on `date`. */
export function ledgerUpdateFor(request: RequestRecord, task: Pick<Task, 'due' | 'raw'>, by: string, date: IsoDate): TaskUpdate {
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
    return { status: '已延期', note: extensionNote(request, task, tag), by, date };
  }
  const evidence = request.evidence.map((e) => (e.url ? `${e.name} ${e.url}` : e.name)).join('、');
  const parts = [`同意办结${tag}`, request.note ? `办结说明：${request.note}` : '', evidence ? `佐证材料：${evidence}` : '', `办结时间：${date}`];
  return { status: '已完成', progress: '100%', note: parts.filter(Boolean).join('；'), by, date };
}

/**
 * The extension in the note: the new deadline, the original one (kept once: the first extension's old date) and the
 * reason, so the ledger keeps what its own columns do not yet hold.
 */
function extensionNote(request: RequestRecord, task: Pick<Task, 'due' | 'raw'>, tag: string): string {
  const original = request.oldDue ?? task.due ?? task.raw.due;
  return `同意延期至 ${request.newDue}${tag}；原截止日期 ${original}；延期原因：${request.reason ?? ''}`;
}

/** True when the task's note already carries this request's tag: the write happened (perhaps before a crash). */
export function alreadyWritten(request: RequestRecord, task: Pick<Task, 'note'>): boolean {
  return task.note.includes(requestTag(request));
}

/** Writes the request to the ledger; throws (a WriteBackError or a source error) when it cannot, leaving the ledger untouched. */
export function writeRequest(source: LedgerSource, request: RequestRecord, task: Task, by: string, date: IsoDate): Promise<WriteOutcome> {
  return source.updateTask(task.id, ledgerUpdateFor(request, task, by, date));
}

/** What a write changed, for the person told: the note column shows only the entry appended. */
export function describeChanges(outcome: WriteOutcome): string {
  return outcome.changes
    .map((c) => (matchHeader(c.column) === 'note' ? `${c.column}追加“${c.after.split('\n').at(-1)}”` : `${c.column}：${c.after}`))
    .join('；');
}
