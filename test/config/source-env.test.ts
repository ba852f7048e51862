/** The configuration and its secrets: its own credentials reach the ledger sources; a bad file never echoes a secret. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { runDuban } from '../support/run-cli.js';

const GOOGLE_SHEET = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit#gid=0';

function configIn(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-source-env-'));
  writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
  return dir;
}

describe('credentials from the configuration file', () => {
  it('reads the Google key file named by google.credentials (relative to the configuration file)', async () => {
    const dir = configIn({ sheet: GOOGLE_SHEET, google: { credentials: 'keys/missing-key.json' } });
    const run = await runDuban(['validate', '--config', join(dir, 'duban.yaml')], { cwd: tmpdir() });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(join(dir, 'keys', 'missing-key.json'));
  });

  it('lets GOOGLE_* variables win over google.credentials', () => {
    const cwd = configIn({ sheet: GOOGLE_SHEET, google: { credentials: 'key.json' } });
    const loaded = loadConfig({ path: 'duban.yaml', env: { GOOGLE_ACCESS_TOKEN: 'ya29.token-value' }, cwd });
    expect(loaded.sourceEnv.GOOGLE_APPLICATION_CREDENTIALS).toBeUndefined();
  });

  it('gives the Feishu sources the app set in the file, not only the FEISHU_* variables', () => {
    const cwd = configIn({ sheet: 'tasks.csv', feishu: { appId: 'cli_0123456789abcdef', appSecret: 'secret-from-file', domain: 'lark' } });
    const { sourceEnv } = loadConfig({ path: 'duban.yaml', env: {}, cwd });
    expect(sourceEnv).toMatchObject({ FEISHU_APP_ID: 'cli_0123456789abcdef', FEISHU_APP_SECRET: 'secret-from-file', FEISHU_DOMAIN: 'lark' });
  });
});

describe('a configuration file that is not valid YAML', () => {
  it('names the line to fix without quoting it, so a secret on that line stays out of the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-bad-yaml-'));
    writeFileSync(join(dir, 'duban.yaml'), 'sheet: tasks.csv\nfeishu:\n  appSecret: sup3r-s3cret-value: x\n');
    const error = (() => {
      try {
        loadConfig({ path: 'duban.yaml', env: {}, cwd: dir });
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('第 3 行第 14 列附近不是有效的 YAML');
    expect(error?.message).not.toContain('sup3r-s3cret-value');
  });
});
