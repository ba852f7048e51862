/**
 * The default transport: Feishu's long connection (WSClient), no public URL needed. The ping watchdog is on so a
 * half-open socket (after sleep or NAT loss) reconnects instead of going silent (notes §4.3, §9.1).
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { redact, type Logger } from '../../log/logger.js';
import { feishuBaseUrl } from '../../feishu/domain.js';
import { sdkLogger } from '../../feishu/sdk-logger.js';
import { inBackground } from './background.js';

export interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  /** 'feishu' | 'lark' | a base URL */
  domain: string;
  logger: Logger;
  /** Fed every im.message.receive_v1 event; must not reject (Bot#handle never does). */
  handle: (event: unknown) => Promise<void>;
  /** Seconds without any inbound frame after a ping before the socket is dropped and reopened; 60 by default. */
  pingTimeoutSeconds?: number;
}

export interface LongConnection {
  close(): void;
  status(): lark.WSConnectionStatus;
}

/** Opens the long connection; events are acknowledged at once and answered in the background (Feishu wants an ack within 3 s). */
export function startLongConnection(options: LongConnectionOptions): LongConnection {
  const { logger } = options;
  redact(options.appSecret);
  const dispatcher = new lark.EventDispatcher({ logger: sdkLogger(logger), loggerLevel: lark.LoggerLevel.warn }).register({
    'im.message.receive_v1': inBackground(options.handle, logger),
  });
  const ws = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: feishuBaseUrl(options.domain),
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
  void ws.start({ eventDispatcher: dispatcher });
  return {
    close: () => ws.close({ force: true }),
    status: () => ws.getConnectionStatus(),
  };
}
