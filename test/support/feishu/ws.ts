/**
 * The long-connection endpoint of the loopback: `POST /callback/ws/endpoint` hands out a ws:// URL on the same HTTP
 * server; the WebSocket speaks pbbp2 frames: pings get pongs, pushed events wait for the client's ACK.
 */
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FeishuLoopback } from './server.js';
import { decodeFrame, encodeFrame, header, type Frame } from './pbbp2-frame.js';

export interface LongConnectionEndpoint {
  /** Open client sockets that are listening (have pinged). */
  readonly clients: number;
  /** Sockets accepted so far (a reconnect adds one). */
  readonly connections: number;
  /** Resolves when at least one client is connected. */
  waitForClient(timeoutMs?: number): Promise<void>;
  /** Pushes a schema 2.0 event to the newest open client and resolves with the ACK's code (200 when handled). */
  push(event: unknown): Promise<number>;
  /** Pushes a callback (card.action.trigger) and resolves with the ACK: its code and the handler's answer (decoded from base64 `data`). */
  pushCallback(event: unknown): Promise<{ code: number; answer: unknown }>;
  /** Drops every open socket (a dropped connection). */
  dropAll(): void;
  /** Stops answering pings, like a half-open socket after sleep or NAT loss. */
  mute(): void;
}

const CLIENT_CONFIG = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 };
const SERVICE_ID = 7;

/** Adds the endpoint route and the WebSocket upgrade handler; `pingIntervalSeconds` is what clients are told (120 by default). */
export function attachLongConnection(server: FeishuLoopback, pingIntervalSeconds = 120): LongConnectionEndpoint {
  const clientConfig = { ...CLIENT_CONFIG, PingInterval: pingIntervalSeconds };
  let muted = false;
  const wss = new WebSocketServer({ noServer: true });
  // A socket counts once it has pinged: the SDK pings on open, just before it starts listening for frames.
  const sockets = new Set<WebSocket>();
  const pendingAcks = new Map<string, (ack: { code: number; answer: unknown }) => void>();
  let seq = 0;
  let connections = 0;

  server.addRoutes([
    {
      method: 'POST',
      path: '/callback/ws/endpoint',
      auth: false,
      handle: ({ body }) => {
        if (body?.AppID !== server.appId || body?.AppSecret !== server.appSecret) return { body: { code: 514, msg: 'auth failed', data: {} } };
        const URL = `ws://127.0.0.1:${server.port}/ws?device_id=loopback-device&service_id=${SERVICE_ID}`;
        return { body: { code: 0, msg: 'ok', data: { URL, ClientConfig: clientConfig } } };
      },
    },
  ]);

  // Only the URL the endpoint handed out is served: /ws with its device and service ids.
  server.onUpgrade('/ws', (req, socket: Duplex, head, query) => {
    if (query.get('device_id') !== 'loopback-device' || query.get('service_id') !== String(SERVICE_ID)) {
      server.unexpected.push({ method: 'GET', path: req.url ?? '/ws', reason: 'WebSocket upgrade without the device_id and service_id the endpoint handed out' });
      return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections += 1;
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data: Buffer) => {
        const frame = decodeFrame(Buffer.from(data));
        if (frame.method === 0 && header(frame, 'type') === 'ping') {
          if (muted) return;
          if (ws.readyState === ws.OPEN) sockets.add(ws);
          const pong: Frame = { SeqID: 0, LogID: 0, service: SERVICE_ID, method: 0, headers: [{ key: 'type', value: 'pong' }], payload: Buffer.from(JSON.stringify(clientConfig)) };
          ws.send(encodeFrame(pong));
          return;
        }
        const id = header(frame, 'message_id');
        const resolve = id ? pendingAcks.get(id) : undefined;
        if (resolve && id) {
          pendingAcks.delete(id);
          // The ACK is {"code":200,"data":"<base64 of the handler's answer JSON>"}; data is absent when there is none.
          const ack = JSON.parse(frame.payload?.toString('utf8') ?? '{}') as { code?: number; data?: string };
          resolve({ code: Number(ack.code), answer: ack.data ? JSON.parse(Buffer.from(ack.data, 'base64').toString('utf8')) : undefined });
        }
      });
    });
  });

  const waitForClient = async (timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs;
    while (sockets.size === 0) {
      if (Date.now() > until) throw new Error('no long-connection client connected');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    get clients() {
      return sockets.size;
    },
    get connections() {
      return connections;
    },
    waitForClient,
    async push(event) {
      return (await send(event)).code;
    },
    pushCallback: (event) => send(event),
    dropAll: () => wss.clients.forEach((ws) => ws.terminate()),
    mute: () => {
      muted = true;
    },
  };

  /** Sends one event frame (as Feishu does for messages and callbacks alike: type=event) and waits for its ACK. */
  async function send(event: unknown): Promise<{ code: number; answer: unknown }> {
    await waitForClient();
    const ws = [...sockets].filter((s) => s.readyState === s.OPEN).pop();
    if (!ws) throw new Error('no open long-connection client');
    seq += 1;
    const messageId = randomUUID();
    const frame: Frame = {
      SeqID: seq,
      LogID: seq,
      service: SERVICE_ID,
      method: 1,
      headers: [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: messageId },
        { key: 'sum', value: '1' },
        { key: 'seq', value: '0' },
        { key: 'trace_id', value: `trace-${seq}` },
      ],
      payload: Buffer.from(JSON.stringify(event)),
    };
    const ack = new Promise<{ code: number; answer: unknown }>((resolve) => pendingAcks.set(messageId, resolve));
    ws.send(encodeFrame(frame));
    return ack;
  }
}
