/** Loads config/duban.yaml (or --config / DUBAN_CONFIG), applies ${VAR} and env overrides, validates everything at once. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { redact } from '../log/logger.js';
import { ConfigError, formatPath } from './config-error.js';
import type { ConfigIssue } from './config-error.js';
import { crossCheck } from './cross-check.js';
import { databasePassword } from './database-url.js';
import { applyEnvOverrides, sourceEnv, substituteEnv } from './env.js';
import { packageRoot } from './package-root.js';
import { configSchema } from './schema.js';
import type { DubanConfig } from './schema.js';

export interface LoadedConfig {
  config: DubanConfig;
  /** 'feishu' when app credentials or group webhooks are configured; else messages go to the terminal. */
  mode: 'local' | 'feishu';
  /** The file read, or null when running on the built-in defaults. */
  file: string | null;
  /** Absolute data directory (config dataDir or DUBAN_DATA_DIR, relative to cwd). */
  dataDir: string;
  /** The environment for the ledger sources: the process's, with the config's Feishu and Google credentials filled in. */
  sourceEnv: NodeJS.ProcessEnv;
}

export interface LoadConfigOptions {
  /** From --config. */
  path?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The file to read: --config, then DUBAN_CONFIG, then config/duban.yaml when it exists; null for defaults. */
export function configPath(options: LoadConfigOptions): string | null {
  const chosen = options.path ?? options.env.DUBAN_CONFIG;
  if (chosen) return resolve(options.cwd, chosen);
  const standard = join(options.cwd, 'config', 'duban.yaml');
  return existsSync(standard) ? standard : null;
}

/** Local mode on the bundled example ledger, used when there is no configuration file. */
function defaultRaw(): Record<string, unknown> {
  const root = packageRoot();
  return {
    sheet: join(root, 'sheets-templates', 'example', 'tasks.csv'),
    units: join(root, 'sheets-templates', 'example', 'units.csv'),
  };
}

// The YAML parser is loaded only when a configuration file exists: local mode starts without it.
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

function readRaw(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new ConfigError([{ path: '', message: `file not found: ${file}` }], file);
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    // Only the first line: the parser's excerpt of the file could show a secret written on the bad line.
    const [where] = (error as Error).message.split('\n');
    throw new ConfigError([{ path: '', message: `not valid YAML: ${where.replace(/:$/, '')}` }], file);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([{ path: '', message: 'expected a YAML mapping of keys (timezone:, sheet:, …)' }], file);
  }
  return parsed as Record<string, unknown>;
}

function zodIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown key (check the spelling against config/duban.example.yaml)' }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ path: formatPath(issue.path), message: `missing; ${issue.message.replace(/^Invalid input: /, '')}` }];
    }
    return [{ path: formatPath(issue.path), message: issue.message.replace(/^Invalid input: /, '') }];
  });
}

function registerSecrets(config: DubanConfig): void {
  const { feishu } = config;
  for (const secret of [feishu.appSecret, feishu.http.encryptKey, feishu.http.verificationToken]) redact(secret);
  for (const hook of Object.values(feishu.webhooks)) {
    redact(hook.url);
    redact(hook.secret);
  }
  if (config.store) redact(databasePassword(config.store));
}

/** Loads and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const file = configPath(options);
  const issues: ConfigIssue[] = [];
  const substituted = file ? (substituteEnv(readRaw(file), options.env, issues) as Record<string, unknown>) : defaultRaw();
  const parsed = configSchema.safeParse(applyEnvOverrides(substituted, options.env));
  const missingVars = new Set(issues.map((i) => i.path));
  if (!parsed.success) issues.push(...zodIssues(parsed.error.issues).filter((i) => !missingVars.has(i.path)));
  else issues.push(...crossCheck(parsed.data));
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues, file);

  const config = parsed.data;
  registerSecrets(config);
  const credentials = Boolean(config.feishu.appId && config.feishu.appSecret) || Object.keys(config.feishu.webhooks).length > 0;
  const dataDir = isAbsolute(config.dataDir) ? config.dataDir : resolve(options.cwd, config.dataDir);
  return { config, mode: credentials ? 'feishu' : 'local', file, dataDir, sourceEnv: sourceEnv(config, options.env, options.cwd) };
}
