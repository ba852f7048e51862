/** Building DeliveryResults: a message delivered, or a failure with an English message and a Chinese hint. */
import type { DeliveryResult } from './messenger.js';

/** A successful delivery. */
export const delivered = (messageId: string | null, uuid?: string): DeliveryResult => ({ ok: true, messageId, error: null, ...(uuid ? { uuid } : {}) });

/** A failed delivery with an English message and a Chinese hint. */
export function failed(code: string | number, message: string, hint: string): DeliveryResult {
  return { ok: false, messageId: null, error: { code, message, hint } };
}
