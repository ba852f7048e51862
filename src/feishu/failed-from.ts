/** Turning whatever a Feishu send threw into a DeliveryResult the office can act on. */
import type { DeliveryResult } from '../delivery/messenger.js';
import { failed } from '../delivery/results.js';
import { FeishuApiError } from './feishu-api.js';

/** Maps anything a send threw to a DeliveryResult; only FeishuApiErrors carry a useful hint. */
export function failedFrom(error: unknown): DeliveryResult {
  if (error instanceof FeishuApiError) return failed(error.code || error.httpStatus || 'network', error.message, error.hint);
  const message = error instanceof Error ? error.message : String(error);
  return failed('internal', message, '发送时出现内部错误，请把日志反馈给维护人员');
}
