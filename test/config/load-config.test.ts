import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { packageRoot } from '../../src/config/package-root.js';
import { createLogger } from '../../src/log/logger.js';

const EXAMPLE = join(packageRoot(), 'config', 'duban.example.yaml');
// Copied as is, the example needs only the app's credentials: its http and webhooks sections are commented out.
const EXAMPLE_ENV = {
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
  FEISHU_APP_SECRET: 'example-app-secret-value',
};
const WEBHOOK_URL = 'https://open.feishu.cn/open-apis/bot/v2/hook/example-hook-token';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'duban-config-'));
}

function writeConfig(dir: string, text: string): string {
  const file = join(dir, 'duban.yaml');
  writeFileSync(file, text);
  return file;
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('accepts the documented example file, with its ${VAR}s from the environment', () => {
    const cwd = tempDir();
    const loaded = loadConfig({ path: EXAMPLE, env: EXAMPLE_ENV, cwd });
    expect(loaded.mode).toBe('feishu');
    expect(loaded.file).toBe(EXAMPLE);
    expect(loaded.config.feishu.appSecret).toBe(EXAMPLE_ENV.FEISHU_APP_SECRET);
    expect(loaded.config.reminders).toEqual({ daysBefore: [3, 1], escalateAfterWorkdays: 5, ackWithinWorkdays: 1, urgent: 'off' });
    expect(loaded.config.review).toEqual({ reviewers: ['ou_office_reviewer', { name: '张主任', account: 'zhang@example.gov.cn' }], requireReview: ['complete', 'extend'] });
    expect(loaded.config.collect).toEqual({ day: 25 });
    expect(loaded.config.sendWindow).toEqual({ start: '08:00', end: '20:00' });
    expect(loaded.dataDir).toBe(join(cwd, '.duban'));
  });

  it('falls back to local mode on the bundled example ledger without a file', () => {
    const cwd = tempDir();
    const loaded = loadConfig({ env: {}, cwd });
    expect(loaded.file).toBeNull();
    expect(loaded.mode).toBe('local');
    expect(loaded.config.sheet).toBe(join(packageRoot(), 'sheets-templates', 'example', 'tasks.csv'));
    expect(loaded.config.units).toBe(join(packageRoot(), 'sheets-templates', 'example', 'units.csv'));
    expect(loaded.config.schedule).toEqual({ monthly: '0 9 1 * *', digest: '0 9 * * *', remind: '30 9 * * *', weekly: '0 16 * * 5' });
    expect(loaded.config.timezone).toBe('Asia/Shanghai');
  });

  it('finds config/duban.yaml in the working directory, and DUBAN_CONFIG over it', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'config'));
    writeFileSync(join(cwd, 'config', 'duban.yaml'), 'sheet: standard.csv\n');
    expect(loadConfig({ env: {}, cwd }).config.sheet).toBe('standard.csv');
    const other = writeConfig(tempDir(), 'sheet: other.csv\n');
    expect(loadConfig({ env: { DUBAN_CONFIG: other }, cwd }).config.sheet).toBe('other.csv');
  });

  it('reports every bad key at once, each with its path and what is expected', () => {
    const file = writeConfig(
      tempDir(),
      [
        'timezone: Mars/Olympus',
        'sheet: tasks.csv',
        'remind: true',
        'reminders: { daysBefore: [3, "x"], escalateAfterWorkdays: -1 }',
        'sendWindow: { start: "8am" }',
        'feishu: { events: poll, domain: "ftp://x" }',
        'schedule: { digest: "every day" }',
        'calendar: { daysOff: ["2026-02-30"] }',
        'chats: { allow: [""] }',
      ].join('\n'),
    );
    const error = configError(() => loadConfig({ path: file, env: {}, cwd: tempDir() }));
    const byPath = new Map(error.issues.map((i) => [i.path, i.message]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        'timezone',
        'remind',
        'reminders.daysBefore[1]',
        'reminders.escalateAfterWorkdays',
        'sendWindow.start',
        'feishu.events',
        'feishu.domain',
        'schedule.digest',
        'calendar.daysOff[0]',
        'chats.allow[0]',
      ].sort(),
    );
    expect(byPath.get('reminders.daysBefore[1]')).toMatch(/expected .*number/);
    expect(byPath.get('sendWindow.start')).toMatch(/HH:MM/);
    expect(byPath.get('feishu.events')).toMatch(/ws .*http/);
    expect(byPath.get('calendar.daysOff[0]')).toMatch(/YYYY-MM-DD/);
    expect(byPath.get('remind')).toMatch(/unknown key/);
    expect(error.message).toContain('reminders.daysBefore[1]');
    expect(error.summary).toMatch(/^配置文件.*有 10 处问题/);
  });

  it('checks keys against each other: schedule inside the send window, thresholds, overrides', () => {
    const file = writeConfig(
      tempDir(),
      [
        'sheet: tasks.csv',
        'schedule: { digest: "0 7 * * *" }',
        'lights: { behindPoints: 20, redBehindPoints: 10 }',
        'calendar: { daysOff: ["2026-06-01"], workdays: ["2026-06-01"] }',
        'feishu: { appId: cli_x }',
      ].join('\n'),
    );
    const error = configError(() => loadConfig({ path: file, env: {}, cwd: tempDir() }));
    expect(error.issues.map((i) => i.path)).toEqual(['schedule.digest', 'lights.redBehindPoints', 'calendar.workdays[0]', 'feishu.appId', 'feishu.appSecret']);
    expect(error.issues[0].message).toContain('07:00, outside sendWindow 08:00–20:00');
  });

  it('refuses an HTTP event callback that would accept unsigned, unverified events', () => {
    const open = writeConfig(tempDir(), 'sheet: tasks.csv\nfeishu: { events: http }');
    const error = configError(() => loadConfig({ path: open, env: {}, cwd: tempDir() }));
    expect(error.issues.map((i) => i.path)).toEqual(['feishu.http.encryptKey']);
    expect(error.issues[0].message).toContain('FEISHU_VERIFICATION_TOKEN');
    expect(loadConfig({ path: open, env: { FEISHU_VERIFICATION_TOKEN: 'v-token-123' }, cwd: tempDir() }).config.feishu.events).toBe('http');
  });

  it('names a missing ${VAR} without printing any secret', () => {
    const file = writeConfig(
      tempDir(),
      ['sheet: tasks.csv', 'feishu:', '  appId: ${FEISHU_APP_ID}', '  appSecret: ${DUBAN_TEST_SECRET}', '  http: { encryptKey: "${MY_KEY}" }', 'dueSoonWorkdays: many'].join('\n'),
    );
    const env = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60719', MY_KEY: 'present-encrypt-key-value' };
    const error = configError(() => loadConfig({ path: file, env, cwd: tempDir() }));
    expect(error.issues).toContainEqual({
      path: 'feishu.appSecret',
      message: 'environment variable DUBAN_TEST_SECRET is not set (referenced as ${DUBAN_TEST_SECRET})',
    });
    expect(error.issues.map((i) => i.path)).toContain('dueSoonWorkdays');
    expect(error.message).not.toContain('present-encrypt-key-value');
    expect(error.summary).not.toContain('present-encrypt-key-value');
  });

  it('lets the environment override the file', () => {
    const cwd = tempDir();
    const file = writeConfig(tempDir(), 'sheet: tasks.csv\nfeishu: { domain: lark }\ndataDir: state\n');
    const loaded = loadConfig({
      path: file,
      cwd,
      env: { FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071a', FEISHU_APP_SECRET: 'env-secret-value', FEISHU_DOMAIN: 'http://127.0.0.1:9999', DUBAN_DATA_DIR: '/var/lib/duban', DUBAN_SHEET: 'https://docs.google.com/spreadsheets/d/abc' },
    });
    expect(loaded.mode).toBe('feishu');
    expect(loaded.config.feishu.domain).toBe('http://127.0.0.1:9999');
    expect(loaded.config.sheet).toBe('https://docs.google.com/spreadsheets/d/abc');
    expect(loaded.dataDir).toBe('/var/lib/duban');
    expect(loadConfig({ path: file, cwd, env: {} }).dataDir).toBe(join(cwd, 'state'));
  });

  it('names every unset variable the example refers to, and nothing beyond the app credentials', () => {
    const error = configError(() => loadConfig({ path: EXAMPLE, env: {}, cwd: tempDir() }));
    expect(error.issues.map((i) => i.path)).toEqual(['feishu.appId', 'feishu.appSecret']);
    expect(error.issues.map((i) => i.message).join('\n')).toContain('FEISHU_APP_SECRET');
  });

  it('registers the secrets so that no log line shows them', () => {
    const file = writeConfig(tempDir(), 'sheet: tasks.csv\nfeishu:\n  appId: ${FEISHU_APP_ID}\n  appSecret: ${FEISHU_APP_SECRET}\n  webhooks:\n    oc_example_group:\n      url: ${DUBAN_WEBHOOK_URL}\n');
    loadConfig({ path: file, env: { ...EXAMPLE_ENV, DUBAN_WEBHOOK_URL: WEBHOOK_URL }, cwd: tempDir() });
    let written = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((written += String(chunk)), done()) });
    createLogger({ stream, pretty: false }).info('startup', { note: `using ${EXAMPLE_ENV.FEISHU_APP_SECRET} and ${WEBHOOK_URL}` });
    expect(written).toContain('using *** and ***');
    expect(written).not.toContain(EXAMPLE_ENV.FEISHU_APP_SECRET);
  });

  it('takes the store from store: or DUBAN_DATABASE_URL (which wins), and masks its password in every log line', () => {
    const file = writeConfig(tempDir(), 'sheet: tasks.csv\nstore: postgres://duban@db.example.org:5432/duban\n');
    expect(loadConfig({ path: file, env: {}, cwd: tempDir() }).config.store).toBe('postgres://duban@db.example.org:5432/duban');
    const url = 'postgresql://duban:pg-password-4711@10.0.0.5:6432/duban?sslmode=require';
    expect(loadConfig({ path: file, env: { DUBAN_DATABASE_URL: url }, cwd: tempDir() }).config.store).toBe(url);
    expect(loadConfig({ path: writeConfig(tempDir(), 'sheet: tasks.csv\n'), env: {}, cwd: tempDir() }).config.store).toBeUndefined();
    let written = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((written += String(chunk)), done()) });
    createLogger({ stream, pretty: false }).error('store.failed', { error: `could not use ${url}` });
    expect(written).toContain('postgresql://duban:***@10.0.0.5:6432/duban');
    expect(written).not.toContain('pg-password-4711');
  });

  it('refuses a store that is not a PostgreSQL URL, naming the key', () => {
    const file = writeConfig(tempDir(), 'sheet: tasks.csv\nstore: mysql://duban@db/duban\n');
    const error = configError(() => loadConfig({ path: file, env: {}, cwd: tempDir() }));
    expect(error.issues).toEqual([
      { path: 'store', message: 'expected a PostgreSQL URL such as postgres://duban@db.example.org:5432/duban (leave store out to keep the state in SQLite under dataDir)' },
    ]);
  });

  it('reports a missing file and unreadable YAML by name', () => {
    const missing = join(tempDir(), 'nope.yaml');
    expect(configError(() => loadConfig({ path: missing, env: {}, cwd: tempDir() })).issues[0].message).toContain(missing);
    const bad = writeConfig(tempDir(), 'sheet: [unclosed\n');
    expect(configError(() => loadConfig({ path: bad, env: {}, cwd: tempDir() })).issues[0].message).toMatch(/not valid YAML/);
  });
});
