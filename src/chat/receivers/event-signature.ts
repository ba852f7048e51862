/** Checks on an HTTP event delivery: Feishu's signature over the raw body, and a timestamp window against replays. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** sha256_hex(timestamp + nonce + encryptKey + rawBody), as Feishu computes it over the exact body it posts. */
export function eventSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + rawBody).digest('hex');
}

/** Why a signed delivery is refused, or null when it is genuine and fresh. */
export function signatureProblem(
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  encryptKey: string,
  nowMs: number,
  maxAgeSeconds: number,
): string | null {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const timestamp = header('x-lark-request-timestamp');
  const nonce = header('x-lark-request-nonce');
  const signature = header('x-lark-signature');
  if (!timestamp || !nonce || !signature) return 'missing signature headers';
  const expected = Buffer.from(eventSignature(timestamp, nonce, encryptKey, rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature mismatch';
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(nowMs / 1000 - seconds) > maxAgeSeconds) return 'timestamp outside the accepted window (replay?)';
  return null;
}
