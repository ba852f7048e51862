/**
 * Builds the Google Sheets v4 client from the environment. `@googleapis/sheets` is imported here, dynamically, so
 * local commands never pay for loading it.
 */
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from '@googleapis/sheets';
import { redact } from '../log/logger.js';
import { SourceError } from './source-error.js';

/** The client and the account the sheet must be shared with (null when only an access token is known). */
export interface GoogleSheetsClient {
  sheets: sheets_v4.Sheets;
  account: string | null;
}

/** A lazy factory: called only when a Google source is actually read or written. */
export type GoogleClientFactory = () => Promise<GoogleSheetsClient>;

interface ServiceAccountKey {
  client_email: string;
  private_key: string;
}

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets'];
const TIMEOUT_MS = 60_000;

/**
 * Auth from GOOGLE_ACCESS_TOKEN, GOOGLE_SERVICE_ACCOUNT_JSON (the key JSON, or base64 of it) or
 * GOOGLE_APPLICATION_CREDENTIALS (path to the key file); GOOGLE_SHEETS_ROOT_URL redirects the client (tests).
 */
export async function createGoogleSheetsClient(env: NodeJS.ProcessEnv): Promise<GoogleSheetsClient> {
  const { sheets, auth } = await import('@googleapis/sheets');
  let client: InstanceType<typeof auth.OAuth2>;
  let account: string | null = null;
  if (env.GOOGLE_ACCESS_TOKEN) {
    redact(env.GOOGLE_ACCESS_TOKEN);
    client = new auth.OAuth2();
    client.setCredentials({ access_token: env.GOOGLE_ACCESS_TOKEN });
  } else {
    const key = await loadServiceAccount(env);
    account = key.client_email;
    // The JWT constructor with an options object is the non-deprecated form in google-auth-library 10 and 11.
    client = new auth.JWT({ email: key.client_email, key: key.private_key, scopes: SCOPES });
  }
  const rootUrl = env.GOOGLE_SHEETS_ROOT_URL || undefined;
  const api = sheets({
    version: 'v4',
    auth: client,
    rootUrl,
    // Our retry (retry.ts) replaces gaxios' three quick ones, which ignore Retry-After and skip POST.
    retry: false,
    timeout: TIMEOUT_MS,
    // gaxios sends even loopback traffic through HTTPS_PROXY unless told otherwise.
    noProxy: rootUrl ? [new URL(rootUrl).hostname] : undefined,
  });
  return { sheets: api, account };
}

/** The service-account key from the environment; a missing or malformed one is a SourceError saying which setting to fix. */
async function loadServiceAccount(env: NodeJS.ProcessEnv): Promise<ServiceAccountKey> {
  let text: string;
  let origin: string;
  if (env.GOOGLE_SERVICE_ACCOUNT_JSON) {
    const raw = env.GOOGLE_SERVICE_ACCOUNT_JSON.trim();
    text = raw.startsWith('{') ? raw : Buffer.from(raw, 'base64').toString('utf8');
    origin = '环境变量 GOOGLE_SERVICE_ACCOUNT_JSON';
  } else if (env.GOOGLE_APPLICATION_CREDENTIALS) {
    const path = env.GOOGLE_APPLICATION_CREDENTIALS;
    origin = `密钥文件 ${path}`;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是文件夹' : '无法读取';
      throw new SourceError(`无法读取 Google 服务账号密钥文件 ${path}（${why}）：请检查 GOOGLE_APPLICATION_CREDENTIALS 或配置中的 google.credentials。`, { cause: error });
    }
  } else {
    throw new SourceError(
      '读取 Google 表格需要凭据：请设置 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件的路径）、GOOGLE_SERVICE_ACCOUNT_JSON（密钥 JSON）或 GOOGLE_ACCESS_TOKEN，或在配置中填写 google.credentials。',
    );
  }
  let key: Partial<ServiceAccountKey>;
  try {
    key = JSON.parse(text) as Partial<ServiceAccountKey>;
  } catch {
    throw new SourceError(`${origin} 不是有效的服务账号密钥 JSON：请从 Google Cloud 控制台重新下载密钥文件。`);
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new SourceError(`${origin} 缺少 client_email 或 private_key，不是服务账号密钥：请下载“服务账号”的 JSON 密钥（不是 OAuth 客户端的）。`);
  }
  // A key pasted into a .env file has its newlines as the two characters "\n": repair them.
  const privateKey = key.private_key.replace(/\\n/g, '\n');
  redact(privateKey);
  return { client_email: key.client_email, private_key: privateKey };
}
