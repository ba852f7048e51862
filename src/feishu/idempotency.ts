/** Feishu's message `uuid` (≤ 50 chars, de-duplicated for an hour): the same key and content always give the same one. */
import { createHash } from 'node:crypto';

const MAX = 50;
const HASH_CHARS = 22;

/** A readable, stable uuid from the caller's key (job|date|chat) and the exact content sent. */
export function messageUuid(key: string, content: string): string {
  const hash = createHash('sha256').update(key).update('\n').update(content).digest('base64url').slice(0, HASH_CHARS);
  // The prefix only helps a human reading logs; uniqueness comes from the hash, which covers the whole key.
  const prefix = key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX - HASH_CHARS - 1);
  return prefix ? `${prefix}-${hash}` : hash;
}
