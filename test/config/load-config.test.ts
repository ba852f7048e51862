import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
    // Its paths are written relative to the config/ folder it is copied into.
    expect(loaded.dataDir).toBe(join(packageRoot(), '.duban'));
    expect(loaded.config.sheet).toBe(join(packageRoot(), 'sheets-templates', 'example', 'tasks.csv'));
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
    expect(loadConfig({ env: {}, cwd }).config.sheet).toBe(join(cwd, 'config', 'standard.csv'));
    const elsewhere = tempDir();
    const other = writeConfig(elsewhere, 'sheet: other.csv\n');
    expect(loadConfig({ env: { DUBAN_CONFIG: other }, cwd }).config.sheet).toBe(join(elsewhere, 'other.csv'));
  });

  it('takes relative paths in the file from its folder, and those from the environment from the working folder', () => {
    const cwd = tempDir();
    const dir = tempDir();
    const file = writeConfig(dir, 'sheet: ledgers/tasks.xlsx\nunits: 单位\ndataDir: ../state\ngoogle: { credentials: key.json }\n');
    const { config, dataDir } = loadConfig({ path: file, env: {}, cwd });
    expect([config.sheet, config.units, dataDir, config.google.credentials]).toEqual([join(dir, 'ledgers', 'tasks.xlsx'), '单位', join(dir, '..', 'state'), join(dir, 'key.json')]);
    const withUnitsFile = writeConfig(dir, 'sheet: https://docs.google.com/spreadsheets/d/abc\nunits: units.csv\n');
    expect(loadConfig({ path: withUnitsFile, env: {}, cwd }).config).toMatchObject({ sheet: 'https://docs.google.com/spreadsheets/d/abc', units: join(dir, 'units.csv') });
    const fromEnv = loadConfig({ path: file, env: { DUBAN_SHEET: 'mine.csv', DUBAN_DATA_DIR: 'here' }, cwd });
    expect([fromEnv.config.sheet, fromEnv.dataDir]).toEqual(['mine.csv', join(cwd, 'here')]);
    // The default dataDir is not written in the file: it stays in the working folder.
    expect(loadConfig({ path: writeConfig(dir, 'sheet: tasks.csv\n'), env: {}, cwd }).dataDir).toBe(join(cwd, '.duban'));
  });

  it('gives local mode without a file the schema\'s own defaults, without validating', async () => {
    const { configSchema } = await import('../../src/config/schema.js');
    const local = loadConfig({ env: {}, cwd: tempDir() }).config;
    expect(local).toEqual(configSchema.parse({ sheet: local.sheet, units: local.units }));
  });

  it('suggests the nearest key for a misspelt one, at any depth', () => {
    const file = writeConfig(tempDir(), 'sheet: tasks.csv\nchats: { leader: oc_a }\nschedul: { digest: "0 9 * * *" }\nfeishu: { webhooks: { oc_b: { ulr: "https://x.example/hook" } } }\nzzz: 1\n');
    const error = configError(() => loadConfig({ path: file, env: {}, cwd: tempDir() }));
    expect(error.issues).toEqual([
      { path: 'feishu.webhooks.oc_b.url', message: '缺少这一项：需要群自定义机器人的 webhook 地址（https://open.feishu.cn/open-apis/bot/v2/hook/…）' },
      { path: 'feishu.webhooks.oc_b.ulr', message: '不认识的配置项，是不是 feishu.webhooks.oc_b.url？' },
      { path: 'chats.leader', message: '不认识的配置项，是不是 chats.leaders？' },
      { path: 'schedul', message: '不认识的配置项，是不是 schedule？' },
      {
        path: 'zzz',
        message:
          '不认识的配置项（这里可以写：timezone、sheet、units、feishu、google、chats、schedule、sendWindow、reminders、review、collect、warnings、lights、dueSoonWorkdays、scoring、report、staleAfterWorkdays、calendar、health、replicas、dataDir、store）；请对照 config/duban.example.yaml',
      },
    ]);
  });

  it('says "missing" only for a key that is not there, and never repeats a value', () => {
    const file = writeConfig(tempDir(), 'units: units.csv\nreminders: { daysBefore: [3, "abc-secret-ish"] }\nchats: oc_leaders\nlights: { behindPoints: null }\n');
    const error = configError(() => loadConfig({ path: file, env: {}, cwd: tempDir() }));
    expect(error.issues).toEqual([
      { path: 'sheet', message: '缺少这一项：需要台账的位置：文件路径或表格链接' },
      { path: 'chats', message: '需要一组设置（键: 值），这里写的是文字' },
      { path: 'reminders.daysBefore[1]', message: '需要截止前的工作日数（0 或正整数）' },
      { path: 'lights.behindPoints', message: '需要百分点数（0 或正整数）' },
    ]);
    expect(error.message).not.toContain('abc-secret-ish');
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
    expect(byPath.get('reminders.daysBefore[1]')).toBe('需要截止前的工作日数（0 或正整数）');
    expect(byPath.get('sendWindow.start')).toBe('需要 HH:MM 格式的时间（24 小时制），例如 08:00');
    expect(byPath.get('feishu.events')).toBe('只能是 ws（长连接）或 http（事件回调地址）');
    expect(byPath.get('calendar.daysOff[0]')).toBe('需要 YYYY-MM-DD 格式的真实日期，例如 2026-06-01');
    expect(byPath.get('remind')).toBe('不认识的配置项，是不是 reminders？');
    // Every message is Chinese, as the office reads it.
    for (const message of byPath.values()) expect(message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
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
    expect(error.issues[0].message).toBe('在 07:00 发送，不在发送时段 sendWindow 08:00–20:00 之内');
    expect(error.issues[4].message).toBe('缺少：设置了 feishu.appId 时也需要 feishu.appSecret（或环境变量 FEISHU_APP_SECRET）');
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
      message: '环境变量 DUBAN_TEST_SECRET 没有设置（配置中写作 ${DUBAN_TEST_SECRET}）',
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
    expect(loadConfig({ path: file, cwd, env: {} }).dataDir).toBe(join(dirname(file), 'state'));
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
      { path: 'store', message: '需要 PostgreSQL 地址，例如 postgres://duban@db.example.org:5432/duban（不写 store 时状态保存在 dataDir 下的 SQLite 中）' },
    ]);
  });

  it('reports a missing file and unreadable YAML by name', () => {
    const missing = join(tempDir(), 'nope.yaml');
    expect(configError(() => loadConfig({ path: missing, env: {}, cwd: tempDir() })).issues[0].message).toBe(`找不到配置文件 ${missing}；请检查 --config 或 DUBAN_CONFIG`);
    const bad = writeConfig(tempDir(), 'sheet: [unclosed\n');
    expect(configError(() => loadConfig({ path: bad, env: {}, cwd: tempDir() })).issues[0].message).toBe('第 2 行第 1 列附近不是有效的 YAML（常见原因：缩进不齐、引号或括号不配对、冒号后缺空格）');
    const folder = tempDir();
    expect(configError(() => loadConfig({ path: folder, env: {}, cwd: tempDir() })).issues[0].message).toBe(`${folder} 是文件夹，不是配置文件；请指向其中的 duban.yaml`);
  });
});
