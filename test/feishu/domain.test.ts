import { describe, expect, it } from 'vitest';
import { feishuBaseUrl } from '../../src/feishu/domain.js';

describe('feishuBaseUrl', () => {
  it('maps feishu and lark, keeps a base URL without its trailing slash, and names the setting on nonsense', () => {
    expect(feishuBaseUrl('feishu')).toBe('https://open.feishu.cn');
    expect(feishuBaseUrl('Lark')).toBe('https://open.larksuite.com');
    expect(feishuBaseUrl('http://127.0.0.1:4100/')).toBe('http://127.0.0.1:4100');
    expect(() => feishuBaseUrl('open.feishu')).toThrow('FEISHU_DOMAIN');
  });
});
