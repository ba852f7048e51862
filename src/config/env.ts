/** ${VAR} substitution and the environment variables that override the configuration file. */
import { resolve } from 'node:path';
import type { ConfigIssue } from './config-error.js';
import { formatPath } from './config-error.js';
import type { DubanConfig } from './schema.js';

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces ${VAR} in every string of a parsed YAML tree. A variable that is not set is reported with the key
 * path and the variable's name, never a value.
 */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, issues: ConfigIssue[], path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(VAR, (_, name: string) => {
      const found = env[name];
      if (found === undefined || found === '') {
        issues.push({ path: formatPath(path), message: `环境变量 ${name} 没有设置（配置中写作 \${${name}}）` });
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, issues, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, issues, [...path, k])]));
  }
  return value;
}

/** Environment variables that win over the file, as [variable, key path]. GOOGLE_* are read by the Google source. */
export const ENV_OVERRIDES: readonly [string, string[]][] = [
  ['FEISHU_APP_ID', ['feishu', 'appId']],
  ['FEISHU_APP_SECRET', ['feishu', 'appSecret']],
  ['FEISHU_DOMAIN', ['feishu', 'domain']],
  ['FEISHU_ENCRYPT_KEY', ['feishu', 'http', 'encryptKey']],
  ['FEISHU_VERIFICATION_TOKEN', ['feishu', 'http', 'verificationToken']],
  ['DUBAN_DATA_DIR', ['dataDir']],
  ['DUBAN_SHEET', ['sheet']],
  ['DUBAN_DATABASE_URL', ['store']],
];

/** Applies the environment overrides to a raw (not yet validated) configuration object. */
export function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = structuredClone(raw);
  for (const [name, path] of ENV_OVERRIDES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let node = out;
    for (const key of path.slice(0, -1)) {
      if (node[key] === null || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}

/**
 * The environment the ledger sources read credentials from, with the configuration's own settings filled in: the
 * Feishu app (feishu.appId / appSecret / domain, already env-overridden) and google.credentials as the key file when
 * no GOOGLE_* variable is set. A relative google.credentials path is taken from `base` (the configuration's folder).
 */
export function sourceEnv(config: DubanConfig, env: NodeJS.ProcessEnv, base: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  const { appId, appSecret, domain } = config.feishu;
  if (appId) out.FEISHU_APP_ID = appId;
  if (appSecret) out.FEISHU_APP_SECRET = appSecret;
  out.FEISHU_DOMAIN = domain;
  const google = config.google.credentials;
  if (google && !env.GOOGLE_ACCESS_TOKEN && !env.GOOGLE_SERVICE_ACCOUNT_JSON && !env.GOOGLE_APPLICATION_CREDENTIALS) {
    out.GOOGLE_APPLICATION_CREDENTIALS = resolve(base, google);
  }
  return out;
}
