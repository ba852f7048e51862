/**
 * The Feishu client wrapper: every call gets a timeout, rate limits, bounded retries with backoff and jitter, token
 * eviction on a rejected or expired token (99991661/3/4/77), a stop on the monthly quota, a circuit breaker for a
 * server that stops answering, business-error checks and scrubbed logs.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { redact, type Logger } from '../log/logger.js';
import { FeishuApiError, type FeishuApi, type FeishuRequest } from './feishu-api.js';
import { classify, failureFromError, type CallFailure } from './call-failure.js';
import { feishuBaseUrl } from './domain.js';
import { hintFor, NETWORK_HINT } from './error-codes.js';
import { createHttpInstance, type HttpInstance } from './http-instance.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createKeyedBuckets, createTokenBucket, type Clock } from './rate-limiter.js';
import { backoffMs, realSleep } from '../retry/backoff.js';
import { sdkLogger } from './sdk-logger.js';

export interface FeishuClientOptions {
  appId: string;
  appSecret: string;
  /** 'feishu' | 'lark' | a base URL such as http://127.0.0.1:PORT */
  domain: string;
  logger: Logger;
  /** Per-request timeout; 30 s by default. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Retries after the first attempt; 4 by default. */
  maxRetries?: number;
  /** Clock for the rate limiter (tests pair it with a fake `sleep`). */
  now?: () => number;
  /** Calls that get no answer at all (timeout, connection refused) in a row before the circuit opens; 3 by default. */
  breakAfterNoAnswer?: number;
  /** How long an open circuit refuses calls at once, in ms; 60 s by default. Then one call is tried again. */
  breakForMs?: number;
}

export interface FeishuClient extends FeishuApi {
  /** The underlying SDK client (typed methods, WSClient/EventDispatcher needs). */
  readonly sdk: lark.Client;
  readonly baseUrl: string;
  readonly httpInstance: HttpInstance;
  /** True once Feishu answered 99991403: no further call is made by this client. */
  quotaExhausted(): boolean;
}

interface Envelope {
  code?: number;
  msg?: string;
  data?: unknown;
}

const CHAT_PER_SECOND = 5;
const APP_PER_SECOND = 50;
const MESSAGE_UPDATES_PER_SECOND = 4;

/** Creates the client; credentials are registered with the logger's redaction. */
export function createFeishuClient(options: FeishuClientOptions): FeishuClient {
  const { appId, appSecret, logger } = options;
  redact(appSecret);
  const baseUrl = feishuBaseUrl(options.domain);
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 4;
  const clock: Clock = { now: options.now ?? Date.now, sleep };
  const httpInstance = createHttpInstance(options.timeoutMs ?? 30_000);
  const cache = new lark.DefaultCache();
  // Tokens go to the redaction list as soon as they exist, so no later log line can carry one.
  const tokenCache: lark.Cache = {
    get: (key, opts) => cache.get(key, opts),
    set: (key, value, expire, opts) => {
      if (typeof value === 'string') redact(value);
      return cache.set(key, value, expire, opts);
    },
  };
  const sdk = new lark.Client({
    appId,
    appSecret,
    domain: baseUrl,
    cache: tokenCache,
    httpInstance,
    logger: sdkLogger(logger, true),
    loggerLevel: lark.LoggerLevel.error,
  });
  const appBucket = createTokenBucket(APP_PER_SECOND, APP_PER_SECOND, clock);
  const chatBucket = createKeyedBuckets(() => createTokenBucket(CHAT_PER_SECOND, CHAT_PER_SECOND, clock));
  // Feishu counts card updates per message in any second (at most 5): evenly spaced, never a burst.
  const messageBucket = createKeyedBuckets(() => createTokenBucket(1, MESSAGE_UPDATES_PER_SECOND, clock));
  const serial = createKeyedQueue();
  let stopped: FeishuApiError | null = null;
  // A server that accepts connections and never answers would hold every send for timeout × attempts: after a few
  // calls in a row without an answer, every call fails at once for a while (and the run records the rest as failed).
  const breakAfter = options.breakAfterNoAnswer ?? 3;
  const breakForMs = options.breakForMs ?? 60_000;
  let noAnswerInARow = 0;
  let openUntil = 0;

  const send = async (request: FeishuRequest): Promise<{ body: Envelope } | { failure: CallFailure }> => {
    try {
      const multipart = request.form ? { data: request.form(), headers: { 'Content-Type': 'multipart/form-data' } } : { data: request.data };
      const body = (await sdk.request({ method: request.method, url: request.url, params: request.params, ...multipart })) as Envelope;
      if (body && typeof body === 'object' && (body.code === 0 || body.code === undefined)) return { body };
      return { failure: { code: Number(body?.code ?? -1), status: 200, msg: String(body?.msg ?? 'malformed response') } };
    } catch (error) {
      return { failure: failureFromError(error) };
    }
  };

  const toError = (request: FeishuRequest, failure: CallFailure): FeishuApiError => {
    const chat = request.bucket?.startsWith('chat:') ? request.bucket.slice(5) : undefined;
    const where = `${request.method} ${request.url}`;
    const logId = failure.logId ? ` (log_id ${failure.logId})` : '';
    const hint = failure.status === 0 && failure.code === 0 ? NETWORK_HINT : hintFor(failure.code, chat);
    return new FeishuApiError(failure.code, failure.status, `${where} failed: code ${failure.code}, HTTP ${failure.status}, ${failure.msg}${logId}`, hint);
  };

  const circuitOpen = (request: FeishuRequest): FeishuApiError =>
    new FeishuApiError(0, 0, `${request.method} ${request.url} not sent: Feishu gave no answer to ${breakAfter} calls in a row; calls paused for ${breakForMs / 1000} s`,
      `飞书开放平台连续 ${breakAfter} 次没有应答（网络故障或超时），已暂停调用 ${breakForMs / 1000} 秒；请检查服务器网络或 FEISHU_DOMAIN 设置`);

  /** Counts calls without an answer; opens the circuit at `breakAfter` in a row. */
  const noteAnswer = (answered: boolean, fields: Record<string, unknown>): void => {
    if (answered) {
      noAnswerInARow = 0;
      return;
    }
    noAnswerInARow += 1;
    if (noAnswerInARow < breakAfter) return;
    noAnswerInARow = 0;
    openUntil = clock.now() + breakForMs;
    logger.error('feishu gave no answer to several calls in a row; failing calls at once for a while (check the network and FEISHU_DOMAIN)', { ...fields, breakForMs });
  };

  const attempt = async (request: FeishuRequest): Promise<unknown> => {
    let tokenRetried = false;
    for (let retry = 0; ; ) {
      if (stopped) throw stopped;
      if (clock.now() < openUntil) throw circuitOpen(request);
      if (request.bucket?.startsWith('chat:')) await chatBucket(request.bucket).take();
      if (request.bucket?.startsWith('message:')) await messageBucket(request.bucket).take();
      await appBucket.take();
      const outcome = await send(request);
      noteAnswer('body' in outcome || outcome.failure.status !== 0, { method: request.method, url: request.url });
      if ('body' in outcome) {
        const { code: _code, msg: _msg, data, ...rest } = outcome.body;
        // A few APIs answer without `data` (bot/v3/info); an empty answer may come as `data: null`.
        return data ?? rest;
      }
      const failure = outcome.failure;
      const kind = classify(failure);
      const fields = { method: request.method, url: request.url, code: failure.code, status: failure.status, retry };
      if (kind === 'quota') {
        stopped = toError(request, failure);
        logger.error('feishu monthly API quota exhausted; no further calls this run (upgrade the Feishu plan or wait)', fields);
        throw stopped;
      }
      if (kind === 'token' && !tokenRetried) {
        tokenRetried = true;
        logger.warn('feishu token rejected; evicting the cached token and retrying once', fields);
        await cache.set(lark.CTenantAccessToken, '', 0, { namespace: appId }); // '' reads as missing
        continue;
      }
      if (kind === 'retry' && retry < maxRetries) {
        const wait = backoffMs(retry + 1, random, failure.resetSeconds === undefined ? undefined : failure.resetSeconds * 1000);
        logger.warn('feishu call failed; retrying', { ...fields, waitMs: wait, msg: failure.msg });
        retry += 1;
        await sleep(wait);
        continue;
      }
      logger.warn('feishu call failed', { ...fields, msg: failure.msg });
      throw toError(request, failure);
    }
  };

  return {
    sdk,
    baseUrl,
    httpInstance,
    quotaExhausted: () => stopped !== null,
    call<T>(request: FeishuRequest): Promise<T> {
      if (stopped) return Promise.reject(stopped);
      const run = () => attempt(request) as Promise<T>;
      return request.bucket ? serial(request.bucket, run) : run();
    },
  };
}
