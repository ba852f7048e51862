/** Group custom bot webhooks on the loopback: /open-apis/bot/v2/hook/:token, verifying the signature like Feishu. */
import { createHmac } from 'node:crypto';
import { cardProblem } from './card-schema.js';
import type { FeishuRoute } from './server.js';

/** The documented algorithm, independent of duban's signer: base64(HmacSHA256(key = `${ts}\n${secret}`, "")). */
const expectedSign = (timestamp: number, secret: string) => createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');

export interface WebhookState {
  routes: FeishuRoute[];
  /** Cards accepted, per hook token. */
  received: Map<string, unknown[]>;
}

const MAX_BYTES = 20 * 1024;
const WINDOW_SECONDS = 3600;

/** `hooks` maps a hook token to its signing secret (null: no signature required). */
export function createWebhookRoutes(hooks: Record<string, string | null>): WebhookState {
  const received = new Map<string, unknown[]>();
  const answer = (code: number, msg: string) => ({ body: { code, msg, data: {} } });
  const routes: FeishuRoute[] = [
    {
      method: 'POST',
      path: '/open-apis/bot/v2/hook/:token',
      auth: false,
      handle: ({ params, body, rawBody }) => {
        if (!(params.token in hooks)) return answer(19001, 'param invalid: incoming webhook access token invalid');
        if (Buffer.byteLength(rawBody, 'utf8') > MAX_BYTES || !body || typeof body !== 'object') return answer(9499, 'Bad Request');
        const secret = hooks[params.token];
        if (secret) {
          const ts = Number(body.timestamp);
          const fresh = Number.isFinite(ts) && Math.abs(Date.now() / 1000 - ts) <= WINDOW_SECONDS;
          if (!fresh || body.sign !== expectedSign(ts, secret)) return answer(19021, 'sign match fail or timestamp is not within one hour from current time');
        }
        if (body.msg_type !== 'interactive' || typeof body.card !== 'object') return answer(9499, 'Bad Request');
        const problem = cardProblem(body.card);
        if (problem) return answer(9499, `Bad Request: ${problem}`);
        const list = received.get(params.token) ?? [];
        list.push(body.card);
        received.set(params.token, list);
        return { body: { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' } };
      },
    },
  ];
  return { routes, received };
}
