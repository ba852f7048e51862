/**
 * The proxy for Feishu's long connection. REST calls honour HTTPS_PROXY / HTTP_PROXY / NO_PROXY by themselves (the
 * SDK's axios reads them); the WebSocket library does not, so the long connection gets an agent that tunnels through
 * the same proxy (HTTP CONNECT) when the environment names one for the Feishu host.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

/** An agent tunnelling to `baseUrl`'s host through the proxy the environment names for it; undefined when none applies. */
export function proxyAgentFor(baseUrl: string): Agent | undefined {
  const proxy = getProxyForUrl(baseUrl);
  return proxy ? new HttpsProxyAgent(proxy) : undefined;
}
