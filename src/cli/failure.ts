/** Turns any error into what the user reads (Chinese, actionable) and an exit code. */
import { ConfigError } from '../config/config-error.js';
import { LedgerReadError } from '../ledger/read-error.js';
import { SourceError } from '../sources/source-error.js';
import { FeishuApiError } from '../feishu/feishu-api.js';
import { PlanFileError } from '../plan/read-plan-file.js';
import { StoreError } from '../store/store-error.js';
import { UsageError } from './args.js';

export interface Failure {
  message: string;
  /** Stack or English detail, shown with DUBAN_DEBUG=1. */
  detail: string | null;
  exitCode: number;
}

/** Exit codes: 1 ledger errors (validate), 2 usage, 3 configuration, source or store, 4 Feishu, 70 internal. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) return { message: error.message, detail: null, exitCode: 2 };
  if (error instanceof PlanFileError) return { message: error.message, detail: error.stack ?? null, exitCode: 2 };
  if (error instanceof ConfigError) {
    const lines = error.issues.map((i) => `  ${i.path || '(文件)'}：${i.message}`);
    return { message: `${error.summary}\n${lines.join('\n')}`, detail: null, exitCode: 3 };
  }
  if (error instanceof LedgerReadError) return { message: error.message, detail: error.logMessage, exitCode: 3 };
  if (error instanceof StoreError) return { message: error.message, detail: error.logMessage, exitCode: 3 };
  if (error instanceof SourceError) return { message: error.message, detail: error.stack ?? null, exitCode: 3 };
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
