/**
 * A Feishu Open Platform server on 127.0.0.1 for tests: the real SDK talks to it through `domain: server.url`.
 * This file is the core (tenant token, auth, request log, fault injection, routing, WebSocket upgrades); feature
 * routes live in sibling modules (im-routes.ts, ws.ts, sheets-routes.ts, bitable-routes.ts …) and are passed in as
 * `routes`. It refuses what Feishu refuses (a body that is not JSON, a path it does not serve, a WebSocket to an
 * unknown path) and records each such call in `unexpected`, so a test can assert that none happened.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { parseMultipart } from './multipart.js';

export interface RouteContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body, or the fields and files of a multipart/form-data body; undefined when empty or not JSON. */
  body: any;
  /** `:name` path parameters, URL-decoded. */
  params: Record<string, string>;
  /** The tenant token the caller presented (without "Bearer "), or null. */
  token: string | null;
  server: FeishuLoopback;
}

export interface RouteResult {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface FeishuRoute {
  method: string;
  /** e.g. "/open-apis/im/v1/messages/:message_id/reply" */
  path: string;
  /** Routes without auth (the token endpoint, the long-connection endpoint) set this false. */
  auth?: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: any;
  status: number;
  at: number;
}

/** A call Feishu would refuse outright: no such API, a body that is not JSON, a WebSocket to an unknown path. */
export interface UnexpectedCall {
  method: string;
  path: string;
  reason: string;
}

/** Takes a WebSocket upgrade for one exact path (the query string is the handler's to check). */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams) => void;

/** A fault answers matching requests instead of the route, `times` times (Infinity for always). */
export interface Fault {
  method?: string;
  path?: string | RegExp;
  times: number;
  /** A canned answer, 'drop' (destroy the socket), 'hang' (accept and never answer), or a delay before the normal answer. */
  respond: RouteResult | 'drop' | 'hang' | { delayMs: number };
}

export interface LoopbackOptions {
  appId?: string;
  appSecret?: string;
  /** Seconds; the SDK refreshes 180 s early, so 181 forces a refetch almost every call. */
  tokenExpire?: number;
  routes?: FeishuRoute[];
}

export interface FeishuLoopback {
  /** Base URL to pass as the SDK's `domain`, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  readonly appId: string;
  readonly appSecret: string;
  readonly requests: RecordedRequest[];
  /** Calls refused because Feishu would not serve them (see UnexpectedCall); expectNoUnexpectedCalls checks it is empty. */
  readonly unexpected: UnexpectedCall[];
  /** Adds feature routes after start. */
  addRoutes(routes: FeishuRoute[]): void;
  /** Serves WebSocket upgrades to `path` (the long connection); upgrades elsewhere are refused with 404 and recorded. */
  onUpgrade(path: string, handler: UpgradeHandler): void;
  fault(fault: Fault): void;
  clearFaults(): void;
  /** Invalidates every token issued so far: the next call with one gets HTTP 400 code 99991663. */
  expireTokens(): void;
  /** Requests to a path (exact string or pattern), for assertions. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[];
  /** The underlying HTTP server (for upgrade handlers such as the long connection). */
  readonly http: http.Server;
  close(): Promise<void>;
}

const TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path.replace(/\/:([A-Za-z_]+)/g, (_m, name: string) => {
    names.push(name);
    return '/([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
}

function matches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

/** Starts the loopback server on an ephemeral port. */
export async function startFeishuLoopback(options: LoopbackOptions = {}): Promise<FeishuLoopback> {
  const appId = options.appId ?? 'cli_a1b2c3d4e5f60718';
  const appSecret = options.appSecret ?? 'loopback-app-secret-0000';
  const tokenExpire = options.tokenExpire ?? 7200;
  const requests: RecordedRequest[] = [];
  const unexpected: UnexpectedCall[] = [];
  const upgrades = new Map<string, UpgradeHandler>();
  const faults: Fault[] = [];
  const validTokens = new Set<string>();
  let tokenCounter = 0;
  const table: { route: FeishuRoute; regex: RegExp; names: string[] }[] = [];

  const tokenRoute: FeishuRoute = {
    method: 'POST',
    path: TOKEN_PATH,
    auth: false,
    handle: ({ body }) => {
      if (body?.app_id !== appId || body?.app_secret !== appSecret) {
        return { body: { code: 10014, msg: 'app secret invalid' } };
      }
      tokenCounter += 1;
      const token = `t-loopback${tokenCounter.toString().padStart(6, '0')}`;
      validTokens.add(token);
      return { body: { code: 0, msg: 'ok', tenant_access_token: token, expire: tokenExpire } };
    },
  };

  const addRoutes = (routes: FeishuRoute[]) => {
    for (const route of routes) table.push({ route, ...compile(route.path) });
  };
  addRoutes([tokenRoute, ...(options.routes ?? [])]);

  const send = (res: http.ServerResponse, result: RouteResult) => {
    const payload = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    res.writeHead(result.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...result.headers });
    res.end(payload);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        send(res, { status: 500, body: { code: 1, msg: `loopback handler failed: ${String(err)}` } });
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer) {
    const rawBody = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const method = req.method ?? 'GET';
    let body: any;
    let notJson = false;
    const contentType = req.headers['content-type'] ?? '';
    if (/^multipart\/form-data/i.test(contentType)) {
      // File uploads (im/v1/files) come as multipart; a body that is not well formed is refused like bad JSON.
      body = parseMultipart(bytes, contentType) ?? undefined;
      notJson = body === undefined;
    } else {
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
        notJson = true;
      }
    }
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    const reply = (result: RouteResult) => {
      record.status = result.status ?? 200;
      send(res, result);
    };

    const fault = faults.find((f) => f.times > 0 && (!f.method || f.method === method) && matches(f.path, path));
    if (fault) {
      fault.times -= 1;
      if (fault.respond === 'drop') {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      // The request stays open until the client gives up (or the loopback closes).
      if (fault.respond === 'hang') return;
      if ('delayMs' in fault.respond) await new Promise((r) => setTimeout(r, (fault.respond as { delayMs: number }).delayMs));
      else return reply(fault.respond);
    }
    const refuse = (status: number, code: number, msg: string) => {
      unexpected.push({ method, path, reason: msg });
      return reply({ status, body: { code, msg } });
    };
    // Feishu's gateway answers a body it cannot parse before any API sees it.
    if (notJson) return refuse(400, 9499, 'Bad Request: the body is not JSON');

    for (const entry of table) {
      if (entry.route.method !== method) continue;
      const m = entry.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
      if (entry.route.auth !== false) {
        if (!token) return reply({ status: 400, body: { code: 99991661, msg: 'Missing access token for authorization.' } });
        if (!validTokens.has(token)) {
          return reply({ status: 400, body: { code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' } });
        }
      }
      const ctx: RouteContext = { method, path, query: url.searchParams, headers: req.headers, rawBody, body, params, token, server: loopback };
      return reply(await entry.route.handle(ctx));
    }
    refuse(404, 404, `loopback: no route for ${method} ${path}`);
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handler = upgrades.get(url.pathname);
    if (handler) return handler(req, socket, head, url.searchParams);
    unexpected.push({ method: 'GET', path: url.pathname, reason: 'WebSocket upgrade to a path Feishu does not serve' });
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const loopback: FeishuLoopback = {
    url: `http://127.0.0.1:${port}`,
    port,
    appId,
    appSecret,
    requests,
    unexpected,
    http: server,
    addRoutes,
    onUpgrade: (path, handler) => void upgrades.set(path, handler),
    fault: (f) => faults.push({ ...f }),
    clearFaults: () => faults.splice(0),
    expireTokens: () => validTokens.clear(),
    requestsTo: (path, method) => requests.filter((r) => matches(path, r.path) && (!method || r.method === method)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return loopback;
}
