/** The HTTP callback receiver: its own server on `port`, the event handler at `path`, 404 for everything else. */
import http from 'node:http';
import { createHttpCallback, type HttpCallbackOptions } from './http-callback.js';
import type { Receiver } from './receiver.js';

export interface HttpReceiverOptions extends HttpCallbackOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** The event subscription path, e.g. /feishu/events; a query string is ignored. */
  path: string;
  host?: string;
}

export interface HttpReceiver extends Receiver {
  /** The port listened on once started; null before. */
  port(): number | null;
}

/** Creates the receiver; start() listens and rejects with the server's error (a port in use). */
export function createHttpReceiver(options: HttpReceiverOptions): HttpReceiver {
  const callback = createHttpCallback(options);
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === options.path && req.method === 'POST') callback(req, res);
    else res.writeHead(404).end();
  });
  let listening = false;
  return {
    start: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          listening = true;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!listening) return resolve();
        listening = false;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    // Feishu posts to us: there is no connection to lose while the server listens.
    state: () => (listening ? 'connected' : 'disconnected'),
    port: () => {
      const address = server.address();
      return listening && typeof address === 'object' && address ? address.port : null;
    },
  };
}
