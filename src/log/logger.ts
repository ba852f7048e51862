/**
 * Structured logging: one JSON line per event on a pipe, a readable line on a TTY. Logs are English and
 * operator-facing. Values under secret-looking keys, and any string registered with `redact`, never appear.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line. */
  child(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /secret|token|password|private_?key|authorization|encrypt_?key|credential/i;
const secrets = new Set<string>();

/** Registers a secret value (an app secret, a token) so it is masked wherever it would appear in a log line. */
export function redact(value: string | undefined | null): void {
  if (value && value.length >= 6) secrets.add(value);
}

/** The text with every registered secret replaced by ***: for anything that leaves the process (logs, the store, /healthz, messages). */
export function mask(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}


function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return mask(value);
  if (value instanceof Error) return { name: value.name, message: mask(value.message) };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? '***' : sanitize(v, depth + 1);
  return out;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stderr by default so stdout stays clean for command output. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force the readable form (default: when the stream is a TTY). */
  pretty?: boolean;
  base?: LogFields;
}

/** Creates a logger; DUBAN_LOG_LEVEL sets the level when none is given. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const level = options.level ?? (process.env.DUBAN_LOG_LEVEL as LogLevel | undefined) ?? 'info';
  const threshold = LEVELS[level] ?? LEVELS.info;
  const pretty = options.pretty ?? Boolean(stream.isTTY);
  const base = options.base ?? {};

  const write = (lvl: LogLevel, event: string, fields?: LogFields) => {
    if (LEVELS[lvl] < threshold) return;
    const clean = sanitize({ ...base, ...fields }) as LogFields;
    const time = new Date().toISOString();
    if (pretty) {
      const extra = Object.entries(clean).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
      stream.write(`${time.slice(11, 19)} ${lvl.toUpperCase().padEnd(5)} ${mask(event)} ${extra.join(' ')}`.trimEnd() + '\n');
    } else {
      stream.write(JSON.stringify({ time, level: lvl, event: mask(event), ...clean }) + '\n');
    }
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    child: (fields) => createLogger({ ...options, stream, level, pretty, base: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
