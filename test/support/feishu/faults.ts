/** Canned Feishu failures, as the real platform answers them: HTTP status, business code and headers. */
import type { RouteResult } from './server.js';

/** HTTP 429, code 99991400, with the reset header (seconds until the window resets). */
export const rateLimited = (resetSeconds = 1): RouteResult => ({
  status: 429,
  headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': String(resetSeconds) },
  body: { code: 99991400, msg: 'request trigger frequency limit' },
});

/** The per-chat / per-user IM limit. */
export const chatRateLimited = (): RouteResult => ({
  status: 400,
  body: { code: 230020, msg: 'This operation triggers the frequency limit.' },
});

export const serverError = (): RouteResult => ({ status: 500, body: { code: 1, msg: 'internal error' } });

/** The monthly API quota of the free plan is used up. */
export const quotaExhausted = (): RouteResult => ({
  status: 429,
  body: { code: 99991403, msg: "This month's API call quota has been exceeded" },
});

/** The bot is not a member of the chat. */
export const botNotInChat = (): RouteResult => ({
  status: 400,
  body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' },
});
