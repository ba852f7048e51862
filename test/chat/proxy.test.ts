/**
 * Behind a proxy: with HTTP_PROXY set, the long connection's WebSocket goes through the proxy (a CONNECT tunnel) as
 * the REST calls do, and NO_PROXY exempts a host. A small forwarding proxy on 127.0.0.1 records what it carried.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLongConnectionReceiver } from '../../src/chat/receivers/long-connection.js';
import { silentLogger } from '../../src/log/logger.js';
import { closeLoopbacks } from '../support/feishu/harness.js';
import { startFeishuLoopback, type FeishuLoopback } from '../support/feishu/server.js';
import { attachLongConnection } from '../support/feishu/ws.js';

const servers: FeishuLoopback[] = [];
// Both spellings: the lower-case one wins where both are set (CI sets no_proxy for 127.0.0.1).
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));

/** Sets a proxy variable in both spellings. */
function setProxyVariable(name: 'HTTP_PROXY' | 'NO_PROXY', value: string): void {
  process.env[name] = value;
  process.env[name.toLowerCase()] = value;
}
let proxy: http.Server | null = null;

afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy!.close(resolve));
    proxy = null;
  }
  await closeLoopbacks(servers);
});

/** A forwarding proxy: plain requests by absolute URL, and CONNECT tunnels; records each as "METHOD target". */
async function startProxy(): Promise<{ url: string; carried: string[] }> {
  const carried: string[] = [];
  proxy = http.createServer((req, res) => {
    carried.push(`${req.method} ${req.url}`);
    const upstream = http.request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    carried.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, carried };
}

describe('the long connection behind a proxy', () => {
  it('tunnels the WebSocket through HTTP_PROXY, and goes direct for a NO_PROXY host', async () => {
    const server = await startFeishuLoopback();
    servers.push(server);
    const ws = attachLongConnection(server);
    const { url, carried } = await startProxy();
    for (const name of ['HTTPS_PROXY', 'https_proxy'] as const) delete process.env[name];
    setProxyVariable('HTTP_PROXY', url);
    setProxyVariable('NO_PROXY', '');
    const options = { appId: server.appId, appSecret: server.appSecret, domain: server.url, logger: silentLogger, handle: async () => {} };
    const receiver = createLongConnectionReceiver(options);
    await receiver.start();
    await ws.waitForClient(10_000);
    await receiver.stop();
    expect(carried).toContain(`CONNECT 127.0.0.1:${server.port}`);

    carried.splice(0);
    setProxyVariable('NO_PROXY', '127.0.0.1');
    const direct = createLongConnectionReceiver(options);
    await direct.start();
    await ws.waitForClient(10_000);
    await direct.stop();
    expect(carried.filter((line) => line.startsWith('CONNECT'))).toEqual([]);
  });
});
