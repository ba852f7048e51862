/** Turning a failed send into a DeliveryResult the office can act on. */
import type { DeliveryResult } from '../messenger.js';
import { FeishuApiError } from './feishu-api.js';

/** A successful delivery. */
export const delivered = (messageId: string | null, uuid?: string): DeliveryResult => ({ ok: true, messageId, error: null, ...(uuid ? { uuid } : {}) });

/** A failed delivery with an English message and a Chinese hint. */
export function failed(code: string | number, message: string, hint: string): DeliveryResult {
  return { ok: false, messageId: null, error: { code, message, hint } };
}

/** Maps anything a send threw to a DeliveryResult; only FeishuApiErrors carry a useful hint. */
export function failedFrom(error: unknown): DeliveryResult {
  if (error instanceof FeishuApiError) return failed(error.code || error.httpStatus || 'network', error.message, error.hint);
  const message = error instanceof Error ? error.message : String(error);
  return failed('internal', message, '发送时出现内部错误，请把日志反馈给维护人员');
}
