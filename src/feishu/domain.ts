/** Feishu / Lark base URLs: the config says `feishu`, `lark`, or a base URL (the loopback server in tests). */

const NAMED: Record<string, string> = {
  feishu: 'https://open.feishu.cn',
  lark: 'https://open.larksuite.com',
};

/** Turns the configured domain into a base URL without a trailing slash (the SDK does not normalise it). */
export function feishuBaseUrl(domain: string): string {
  const named = NAMED[domain.trim().toLowerCase()];
  if (named) return named;
  if (!/^https?:\/\/[^/]+/i.test(domain.trim())) {
    throw new Error(`feishu.domain (FEISHU_DOMAIN) must be "feishu", "lark" or a base URL such as https://open.feishu.cn, got "${domain}"`);
  }
  return domain.trim().replace(/\/+$/, '');
}
