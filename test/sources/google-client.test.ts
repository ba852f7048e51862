import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createGoogleSheetsClient } from '../../src/sources/google-client.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const email = 'duban-bot@duban-project.iam.gserviceaccount.com';
// As pasted into a .env file: the newlines of the key are the two characters "\n".
const escapedJson = `{"type":"service_account","client_email":"${email}","private_key":"${pem.replace(/\n/g, '\\\\n')}"}`;

function authKey(client: Awaited<ReturnType<typeof createGoogleSheetsClient>>): string {
  return (client.sheets.context._options.auth as unknown as { key: string }).key;
}

describe('createGoogleSheetsClient', () => {
  it('takes a service account from GOOGLE_SERVICE_ACCOUNT_JSON and repairs escaped newlines in the key', async () => {
    const client = await createGoogleSheetsClient({ GOOGLE_SERVICE_ACCOUNT_JSON: escapedJson });
    expect(client.account).toBe(email);
    expect(authKey(client)).toBe(pem);
    const base64 = await createGoogleSheetsClient({ GOOGLE_SERVICE_ACCOUNT_JSON: Buffer.from(escapedJson).toString('base64') });
    expect(authKey(base64)).toBe(pem);
  });

  it('reads the key file named by GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'duban-google-')), 'key.json');
    writeFileSync(path, JSON.stringify({ client_email: email, private_key: pem }));
    expect((await createGoogleSheetsClient({ GOOGLE_APPLICATION_CREDENTIALS: path })).account).toBe(email);
  });

  it('masks the access token and the private key in every log line', async () => {
    const token = 'ya29.a0-loopback-access-token-value';
    const ownPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await createGoogleSheetsClient({ GOOGLE_ACCESS_TOKEN: token });
    await createGoogleSheetsClient({ GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({ client_email: email, private_key: ownPem.replace(/\n/g, '\\n') }) });
    let line = '';
    const stream = new Writable({ write: (chunk, _enc, done) => done(void (line += String(chunk))) });
    createLogger({ stream, pretty: false }).error('google read failed', { error: new Error(`401 for ${token}`), detail: ownPem });
    expect(line).toContain('google read failed');
    expect(line).not.toContain(token);
    expect(line).not.toContain(ownPem.split('\n')[1]);
  });

  it('names the settings when credentials are missing or malformed', async () => {
    await expect(createGoogleSheetsClient({})).rejects.toThrow(
      '读取 Google 表格需要凭据：请设置 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件的路径）、GOOGLE_SERVICE_ACCOUNT_JSON（密钥 JSON）或 GOOGLE_ACCESS_TOKEN，或在配置中填写 google.credentials。',
    );
    await expect(createGoogleSheetsClient({ GOOGLE_SERVICE_ACCOUNT_JSON: '{"client_email":"x"}' })).rejects.toThrow(
      '环境变量 GOOGLE_SERVICE_ACCOUNT_JSON 缺少 client_email 或 private_key，不是服务账号密钥：请下载“服务账号”的 JSON 密钥（不是 OAuth 客户端的）。',
    );
    await expect(createGoogleSheetsClient({ GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json' })).rejects.toThrow(
      '无法读取 Google 服务账号密钥文件 /nonexistent/key.json（文件不存在）：请检查 GOOGLE_APPLICATION_CREDENTIALS 或配置中的 google.credentials。',
    );
  });
});
