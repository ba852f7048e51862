/** The signature of a group custom bot (自定义机器人) webhook: base64(HmacSHA256(key = `${timestamp}\n${secret}`, "")). */
import { createHmac } from 'node:crypto';

/** Signs a webhook request; `timestamp` is in seconds. */
export function webhookSign(timestamp: number, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}
