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
import { DEFAULT_LEDGER, ledgerEntries, type RawLedgerEntry } from './ledger-entries.js';

/** One ledger the service follows: its name, the words that name it in a question, its bound groups, its settings. */
export interface LedgerConfig {
  name: string;
  /** Other names for it in a question ("双拥工作" for 双拥). */
  aliases: string[];
  /** Chats answered from this ledger alone (besides its chats.*); from `ledgers[].groups`. */
  groups: string[];
  /** The top-level settings with the ledger's own laid over them. */
  config: DubanConfig;
}

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
  /** Every ledger configured: the `ledgers:` entries, or one named DEFAULT_LEDGER (its state stays where it was). */
  ledgers: LedgerConfig[];
  /** The ledger `config` is the settings of: DEFAULT_LEDGER, or the one chosen (--ledger); null while several are unchosen. */
  ledger: string | null;
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
  const { config, written, entries } = file || ENV_OVERRIDES.some(([name]) => options.env[name]) ? validated(file, options.env) : localDefaults();
  registerSecrets(config);
  const credentials = Boolean(config.feishu.appId && config.feishu.appSecret) || Object.keys(config.feishu.webhooks).length > 0;
  const base = file ? dirname(file) : options.cwd;
  const fromFile = withPathsFrom(config, written, base, options.env);
  const dataDir = isAbsolute(fromFile.dataDir) ? fromFile.dataDir : resolve(options.cwd, fromFile.dataDir);
  const ledgers = entries
    ? entries.map((entry) => ({ ...entry, config: withPathsFrom(entry.config, written, base, options.env) }))
    : [{ name: DEFAULT_LEDGER, aliases: [], groups: [], config: fromFile }];
  const ledger = ledgers.length === 1 ? ledgers[0].name : null;
  const chosen = ledgers.length === 1 ? ledgers[0].config : fromFile;
  return { config: chosen, mode: credentials ? 'feishu' : 'local', file, dataDir, sourceEnv: sourceEnv(fromFile, options.env, base), ledgers, ledger };
}

/** The bundled example with every default, as the schema would give it (a test keeps the two equal), without loading zod. */
function localDefaults(): Validated {
  return { config: { ...structuredClone(CONFIG_DEFAULTS), ...(defaultRaw() as { sheet: string; units: string }) }, written: {}, entries: null };
}

/** The configuration, and what the file itself says (to tell a path written there from a default). */
interface Validated {
  config: DubanConfig;
  written: Record<string, unknown>;
  /** The `ledgers:` entries validated, or null without that list. */
  entries: LedgerConfig[] | null;
}

function validated(file: string | null, env: NodeJS.ProcessEnv): Validated {
  const issues: ConfigIssue[] = [];
  const written = file ? readRaw(file) : {};
  const substituted = file ? (substituteEnv(written, env, issues) as Record<string, unknown>) : defaultRaw();
  const missingVars = new Set(issues.map((i) => i.path));
  const { ledgers: list, ...top } = applyEnvOverrides(substituted, env);
  const raws = ledgerEntries(list, top, issues);
  // With ledgers: the top level need not name a sheet of its own; it is checked with the first entry's.
  const firstSheet = raws?.find((entry) => entry.raw.sheet !== undefined)?.raw.sheet;
  const config = checked(top.sheet === undefined && firstSheet !== undefined ? { ...top, sheet: firstSheet } : top, issues, missingVars, null);
  const entries = raws?.map((entry, i) => ({ ...entry, config: checked(entry.raw, issues, missingVars, { entry, at: `ledgers[${i}]` }) }));
  if (issues.length > 0 || !config || entries?.some((e) => e.config === null)) throw new ConfigError(issues, file);
  return { config, written, entries: entries ? (entries as LedgerConfig[]) : null };
}

/**
 * The settings validated, their problems added to `issues`; null when invalid. For a ledger entry only the problems
 * of keys it sets itself are added (under its ledgers[i].), the others being the top level's, already reported.
 */
function checked(raw: Record<string, unknown>, issues: ConfigIssue[], missingVars: Set<string>, ledger: { entry: RawLedgerEntry; at: string } | null): DubanConfig | null {
  const parsed = configSchema.safeParse(raw, { error: chineseMessage, reportInput: true });
  const found = parsed.success ? crossCheck(parsed.data) : configIssues(parsed.error.issues, configSchemaObject());
  if (!ledger) issues.push(...found.filter((i) => !missingVars.has(i.path)));
  else {
    const own = (issue: ConfigIssue) => ledger.entry.own.includes(issue.path.split(/[.[]/)[0]);
    if (raw.sheet === undefined) issues.push({ path: `${ledger.at}.sheet`, message: '缺少这一项：需要台账的位置：文件路径或表格链接' });
    issues.push(...found.filter(own).map((i) => ({ ...i, path: `${ledger.at}.${i.path}` })).filter((i) => !missingVars.has(i.path)));
  }
  return parsed.success && found.length === 0 ? parsed.data : null;
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
