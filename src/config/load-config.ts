/**
 * Loads config/duban.yaml (or --config / DUBAN_CONFIG), applies ${VAR} and env overrides, validates everything at once.
 * Paths in the file are relative to the file's folder; paths from the environment to the working directory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { redact } from '../log/logger.js';
import { isLocalLocation, isTableFile } from '../sources/location.js';
import { ConfigError } from './config-error.js';
import type { ConfigIssue } from './config-error.js';
import { chineseMessage, configIssues } from './config-issues.js';
import { crossCheck } from './cross-check.js';
import { databasePassword } from './database-url.js';
import { CONFIG_DEFAULTS } from './defaults.js';
import { ENV_OVERRIDES, applyEnvOverrides, sourceEnv, substituteEnv } from './env.js';
import { packageRoot } from './package-root.js';
import { configSchema, configSchemaObject } from './schema.js';
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
const yaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

function readRaw(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new ConfigError([{ path: '', message: `找不到配置文件 ${file}；请检查 --config 或 DUBAN_CONFIG` }], file);
  if (statSync(file).isDirectory()) throw new ConfigError([{ path: '', message: `${file} 是文件夹，不是配置文件；请指向其中的 duban.yaml` }], file);
  let parsed: unknown;
  try {
    parsed = yaml().parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // Only the place: the parser's excerpt of the file could show a secret written on the bad line.
    const at = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const where = at ? `第 ${at.line} 行第 ${at.col} 列附近` : '';
    throw new ConfigError([{ path: '', message: `${where}不是有效的 YAML（常见原因：缩进不齐、引号或括号不配对、冒号后缺空格）` }], file, { cause: error });
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([{ path: '', message: '需要一组“键: 值”设置（timezone:、sheet: …），见 config/duban.example.yaml' }], file);
  }
  return parsed as Record<string, unknown>;
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
  const { config, written } = file || ENV_OVERRIDES.some(([name]) => options.env[name]) ? validated(file, options.env) : localDefaults();
  registerSecrets(config);
  const credentials = Boolean(config.feishu.appId && config.feishu.appSecret) || Object.keys(config.feishu.webhooks).length > 0;
  const base = file ? dirname(file) : options.cwd;
  const fromFile = withPathsFrom(config, written, base, options.env);
  const dataDir = isAbsolute(fromFile.dataDir) ? fromFile.dataDir : resolve(options.cwd, fromFile.dataDir);
  return { config: fromFile, mode: credentials ? 'feishu' : 'local', file, dataDir, sourceEnv: sourceEnv(fromFile, options.env, base) };
}

/** The bundled example with every default, as the schema would give it (a test keeps the two equal), without loading zod. */
function localDefaults(): Validated {
  return { config: { ...structuredClone(CONFIG_DEFAULTS), ...(defaultRaw() as { sheet: string; units: string }) }, written: {} };
}

/** The configuration, and what the file itself says (to tell a path written there from a default). */
interface Validated {
  config: DubanConfig;
  written: Record<string, unknown>;
}

function validated(file: string | null, env: NodeJS.ProcessEnv): Validated {
  const issues: ConfigIssue[] = [];
  const written = file ? readRaw(file) : {};
  const substituted = file ? (substituteEnv(written, env, issues) as Record<string, unknown>) : defaultRaw();
  const parsed = configSchema.safeParse(applyEnvOverrides(substituted, env), { error: chineseMessage, reportInput: true });
  const missingVars = new Set(issues.map((i) => i.path));
  if (!parsed.success) issues.push(...configIssues(parsed.error.issues, configSchemaObject()).filter((i) => !missingVars.has(i.path)));
  else issues.push(...crossCheck(parsed.data));
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues, file);
  return { config: parsed.data, written };
}

/**
 * Relative paths written in the file (sheet, a units file, dataDir, google.credentials) resolved against its folder,
 * so the configuration means the same from any working directory. Those set by DUBAN_SHEET / DUBAN_DATA_DIR, and the
 * default dataDir, stay relative to the working directory (resolved by the caller).
 */
function withPathsFrom(config: DubanConfig, written: Record<string, unknown>, base: string, env: NodeJS.ProcessEnv): DubanConfig {
  const inFile = (value: string) => (isAbsolute(value) ? value : resolve(base, value));
  const sheetInFile = !env.DUBAN_SHEET && isLocalLocation(config.sheet);
  const unitsInFile = config.units !== undefined && isTableFile(config.units);
  const dataDirInFile = !env.DUBAN_DATA_DIR && written.dataDir !== undefined;
  return {
    ...config,
    sheet: sheetInFile ? inFile(config.sheet) : config.sheet,
    units: unitsInFile ? inFile(config.units!) : config.units,
    dataDir: dataDirInFile ? inFile(config.dataDir) : config.dataDir,
    google: config.google.credentials ? { ...config.google, credentials: inFile(config.google.credentials) } : config.google,
  };
}
