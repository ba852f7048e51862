/**
 * The HTTP callback transport (Feishu posts events to a public URL). Signature and timestamp are checked on the raw
 * body before anything is dispatched, url_verification is answered, and no failure escapes to crash the process
 * (the SDK's own adaptDefault has no try/catch around the dispatch).
 */
import type http from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import { redact, type Logger } from '../../log/logger.js';
import { sdkLogger } from '../../feishu/sdk-logger.js';
import { cardCallback, inBackground, type CardHandles } from './background.js';
import { signatureProblem } from './event-signature.js';

export interface HttpCallbackOptions {
  /** The app's Encrypt Key (事件与回调 → 加密策略); enables decryption and the signature check. */
  encryptKey?: string;
  /** The Verification Token; checked on url_verification and on unsigned events. */
  verificationToken?: string;
  /** Fed every message and card callback; a card callback's answer (its toast) is the HTTP response. */
  handle: (event: unknown) => Promise<unknown>;
  logger: Logger;
  /** Oldest accepted x-lark-request-timestamp, in seconds; 300 by default. */
  maxAgeSeconds?: number;
  now?: () => number;
}

const MAX_BODY_BYTES = 1024 * 1024;

type Json = Record<string, unknown>;

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Refusal(413, 'body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A client that hangs up mid-body is the client's problem, not an internal error.
    req.on('error', () => reject(new Refusal(400, 'request aborted before the body was complete')));
  });
}

function parseJson(text: string): Json {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object') return value as Json;
  } catch {
    // fall through
  }
  throw new Refusal(400, 'body is not a JSON object');
}

/** Creates a node http request handler for the event subscription URL. */
export function createHttpCallback(options: HttpCallbackOptions): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { encryptKey, verificationToken, logger } = options;
  redact(encryptKey);
  redact(verificationToken);
  const now = options.now ?? Date.now;
  const cipher = encryptKey ? new lark.AESCipher(encryptKey) : null;
  const dispatcher = new lark.EventDispatcher({ encryptKey, verificationToken, logger: sdkLogger(logger), loggerLevel: lark.LoggerLevel.warn }).register<CardHandles>({
    'im.message.receive_v1': inBackground(options.handle, logger),
    'card.action.trigger': cardCallback(options.handle),
  });

  const decrypt = (body: Json): Json => {
    if (typeof body.encrypt !== 'string') return body;
    if (!cipher) throw new Refusal(400, 'encrypted event but no encrypt key configured (feishu.http.encryptKey / FEISHU_ENCRYPT_KEY)');
    try {
      return parseJson(cipher.decrypt(body.encrypt));
    } catch {
      throw new Refusal(400, 'event could not be decrypted: check feishu.http.encryptKey / FEISHU_ENCRYPT_KEY');
    }
  };

  const receive = async (req: http.IncomingMessage): Promise<unknown> => {
    if (req.method !== 'POST') throw new Refusal(405, 'only POST');
    const raw = await readBody(req);
    const payload = decrypt(parseJson(raw));
    if (payload.type === 'url_verification') {
      if (verificationToken && payload.token !== verificationToken) throw new Refusal(401, 'url_verification token mismatch');
      return { challenge: payload.challenge };
    }
    if (encryptKey) {
      const problem = signatureProblem(req.headers, raw, encryptKey, now(), options.maxAgeSeconds ?? 300);
      if (problem) throw new Refusal(401, problem);
    } else if (verificationToken) {
      const token = (payload.header as Json | undefined)?.token ?? payload.token;
      if (token !== verificationToken) throw new Refusal(401, 'verification token mismatch');
    }
    // A card callback's answer is the response body; anything else (a message, an event without a handler) gets {}.
    const answer: unknown = await dispatcher.invoke(payload, { needCheck: false });
    return answer && typeof answer === 'object' ? answer : {};
  };

  return (req, res) => {
    receive(req).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      (error: unknown) => {
        const status = error instanceof Refusal ? error.status : 500;
        if (status === 500) logger.error('feishu event callback failed', { error });
        else logger.warn('feishu event refused', { status, reason: (error as Error).message, remote: req.socket.remoteAddress });
        if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: status === 500 ? 'internal error' : (error as Error).message }));
      },
    );
  };
}
