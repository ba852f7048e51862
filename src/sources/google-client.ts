/**
 * Builds the Google Sheets v4 client from the environment. `@googleapis/sheets` is imported here, dynamically, so
 * local commands never pay for loading it.
 */
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from '@googleapis/sheets';
import { redact } from '../log/logger.js';

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

async function loadServiceAccount(env: NodeJS.ProcessEnv): Promise<ServiceAccountKey> {
  let text: string;
  let origin: string;
  if (env.GOOGLE_SERVICE_ACCOUNT_JSON) {
    const raw = env.GOOGLE_SERVICE_ACCOUNT_JSON.trim();
    text = raw.startsWith('{') ? raw : Buffer.from(raw, 'base64').toString('utf8');
    origin = 'GOOGLE_SERVICE_ACCOUNT_JSON';
  } else if (env.GOOGLE_APPLICATION_CREDENTIALS) {
    origin = `GOOGLE_APPLICATION_CREDENTIALS (${env.GOOGLE_APPLICATION_CREDENTIALS})`;
    try {
      text = await readFile(env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the service-account key file named by ${origin}: ${(error as Error).message}`);
    }
  } else {
    throw new Error(
      'No Google credentials: set GOOGLE_APPLICATION_CREDENTIALS (key file path), GOOGLE_SERVICE_ACCOUNT_JSON (key JSON) or GOOGLE_ACCESS_TOKEN.',
    );
  }
  let key: Partial<ServiceAccountKey>;
  try {
    key = JSON.parse(text) as Partial<ServiceAccountKey>;
  } catch {
    throw new Error(`${origin} is not valid service-account JSON.`);
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new Error(`${origin} lacks client_email or private_key: is it a service-account key?`);
  }
  // A key pasted into a .env file has its newlines as the two characters "\n": repair them.
  const privateKey = key.private_key.replace(/\\n/g, '\n');
  redact(privateKey);
  return { client_email: key.client_email, private_key: privateKey };
}
