/** Turns any error into what the user reads (Chinese, actionable) and an exit code. */
import { ConfigError } from '../config/config-error.js';
import { LedgerReadError } from '../ledger/read-error.js';
import { SourceError } from '../sources/source-error.js';
import { FeishuApiError } from '../feishu/feishu-api.js';
import { PlanFileError } from '../workplan/read-plan-file.js';
import { StoreError } from '../store/store-error.js';
import { UnusableLedgerError } from '../app/usable-ledger.js';
import { UsageError } from './args.js';
import { NoFeishuError } from './no-feishu-error.js';
import { mask } from '../log/logger.js';

export interface Failure {
  message: string;
  /** Stack or English detail, shown with DUBAN_DEBUG=1. */
  detail: string | null;
  exitCode: number;
}

/**
 * Exit codes (src/cli/command-table.ts): 1 ledger errors or no task, 2 usage, 3 configuration, source or store,
 * 4 Feishu, 70 internal. What a server said can end up in a message or its detail: both are masked like every log line.
 */
export function describeFailure(error: unknown): Failure {
  const failure = classified(error);
  return { ...failure, message: mask(failure.message), detail: failure.detail === null ? null : mask(failure.detail) };
}

function classified(error: unknown): Failure {
  if (error instanceof UsageError) return { message: error.message, detail: null, exitCode: 2 };
  if (error instanceof PlanFileError) return { message: error.message, detail: error.stack ?? null, exitCode: 2 };
  if (error instanceof UnusableLedgerError) return { message: error.message, detail: null, exitCode: 1 };
  if (error instanceof NoFeishuError) return { message: error.message, detail: null, exitCode: 4 };
  if (error instanceof ConfigError) return { message: error.message, detail: causeOf(error), exitCode: 3 };
  if (error instanceof LedgerReadError) return { message: error.message, detail: error.logMessage, exitCode: 3 };
  if (error instanceof StoreError) return { message: error.message, detail: error.logMessage, exitCode: 3 };
  if (error instanceof SourceError) return { message: error.message, detail: causeOf(error) ?? error.stack ?? null, exitCode: 3 };
  if (error instanceof FeishuApiError) {
    return { message: `飞书接口出错（${error.code || error.httpStatus}）：${error.hint || error.message}`, detail: error.message, exitCode: 4 };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    message: `duban 内部错误：${text}（设置 DUBAN_DEBUG=1 可查看详细信息；请把这条信息反馈给维护人员）`,
    detail: error instanceof Error ? (error.stack ?? null) : null,
    exitCode: 70,
  };
}

/** The underlying error's message (a library's English), shown with DUBAN_DEBUG=1. */
function causeOf(error: Error): string | null {
  return error.cause instanceof Error ? error.cause.message : null;
}
