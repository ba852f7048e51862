/**
 * The default receiver: Feishu's long connection (WSClient), no public URL needed. The ping watchdog is on so a
 * half-open socket (after sleep or NAT loss) reconnects instead of going silent.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { redact, type Logger } from '../../log/logger.js';
import { feishuBaseUrl } from '../../feishu/domain.js';
import { proxyAgentFor } from '../../feishu/proxy-agent.js';
import { sdkLogger } from '../../feishu/sdk-logger.js';
import { cardCallback, inBackground, type CardHandles } from './background.js';
import type { Receiver, ReceiverState } from './receiver.js';

export interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  /** 'feishu' | 'lark' | a base URL */
  domain: string;
  logger: Logger;
  /** Fed every im.message.receive_v1 and card.action.trigger event; must not reject (Bot#handle never does). */
  handle: (event: unknown) => Promise<unknown>;
  /** Seconds without any inbound frame after a ping before the socket is dropped and reopened; 60 by default. */
  pingTimeoutSeconds?: number;
}

export interface LongConnectionReceiver extends Receiver {
  /** The SDK's own view of the socket (connecting, connected, reconnecting, failed …). */
  status(): lark.WSConnectionStatus;
}

/** The SDK's connection states, as /healthz reports them. */
function receiverState(state: lark.WSConnectionStatus['state']): ReceiverState {
  if (state === 'connected') return 'connected';
  return state === 'connecting' || state === 'reconnecting' || state === 'idle' ? 'connecting' : 'disconnected';
}

/**
 * Creates the receiver; start() opens the connection. Messages are acknowledged at once and answered in the
 * background (Feishu wants an ack within 3 s); a card callback's answer (the toast) travels back in the frame's ACK.
 */
export function createLongConnectionReceiver(options: LongConnectionOptions): LongConnectionReceiver {
  const { logger } = options;
  redact(options.appSecret);
  const dispatcher = new lark.EventDispatcher({ logger: sdkLogger(logger), loggerLevel: lark.LoggerLevel.warn }).register<CardHandles>({
    'im.message.receive_v1': inBackground(options.handle, logger),
    'card.action.trigger': cardCallback(options.handle),
  });
  const baseUrl = feishuBaseUrl(options.domain);
  const agent = proxyAgentFor(baseUrl);
  if (agent) logger.info('feishu long connection goes through the proxy named by HTTPS_PROXY / HTTP_PROXY (NO_PROXY excepted)');
  const ws = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: baseUrl,
    agent,
    logger: sdkLogger(logger),
    loggerLevel: lark.LoggerLevel.warn,
    autoReconnect: true,
    wsConfig: { pingTimeout: options.pingTimeoutSeconds ?? 60 },
    onReady: () => logger.info('feishu long connection ready'),
    onReconnecting: () => logger.warn('feishu long connection lost; reconnecting'),
    onReconnected: () => logger.info('feishu long connection restored'),
    onError: (error: Error) =>
      logger.error('feishu long connection failed for good; check FEISHU_APP_ID / FEISHU_APP_SECRET and that 长连接 is chosen under 事件与回调', { error }),
  });
  return {
    // The SDK connects (and reconnects) in the background: start does not wait for the first connection.
    start: async () => void ws.start({ eventDispatcher: dispatcher }),
    stop: async () => ws.close({ force: true }),
    state: () => receiverState(ws.getConnectionStatus().state),
    status: () => ws.getConnectionStatus(),
  };
}
