/** `ledgers:` in the configuration: entries merged over the top level, names checked, the single-ledger case unchanged. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { deepMerge } from '../../src/config/deep-merge.js';
import { sameSheetWarnings } from '../../src/config/ledger-entries.js';
import { loadConfig } from '../../src/config/load-config.js';

function load(config: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'duban-ledgers-'));
  writeFileSync(join(dir, 'duban.yaml'), JSON.stringify(config));
  return { dir, loaded: () => loadConfig({ path: 'duban.yaml', env: {}, cwd: dir }) };
}

function issuesOf(config: Record<string, unknown>): { path: string; message: string }[] {
  try {
    load(config).loaded();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  return [];
}

describe('ledgers: in the configuration', () => {
  it('merges each entry over the top level key by key; a list replaces the list', () => {
    expect(deepMerge({ chats: { leaders: 'oc_a', office: 'oc_o', allow: ['x'] }, schedule: { digest: '0 9 * * *' } }, { chats: { leaders: 'oc_b', allow: ['y'] } }))
      .toEqual({ chats: { leaders: 'oc_b', office: 'oc_o', allow: ['y'] }, schedule: { digest: '0 9 * * *' } });
  });

  it("gives every ledger the top-level settings with its own laid over them; the sheet's path from the file's folder", () => {
    const { dir, loaded } = load({
      chats: { leaders: 'oc_leaders', office: 'oc_office' },
      reminders: { daysBefore: [5] },
      ledgers: [
        { name: '双拥', sheet: 'a.csv', chats: { leaders: 'oc_other' }, groups: ['oc_sy'] },
        { name: '民生实事', aliases: ['民生'], sheet: 'b.csv', reminders: { escalateAfterWorkdays: 2 } },
      ],
    });
    const config = loaded();
    expect(config.ledger).toBeNull();
    expect(config.ledgers.map((l) => [l.name, l.aliases, l.groups, l.config.sheet, l.config.chats.leaders, l.config.chats.office])).toEqual([
      ['双拥', [], ['oc_sy'], join(dir, 'a.csv'), 'oc_other', 'oc_office'],
      ['民生实事', ['民生'], [], join(dir, 'b.csv'), 'oc_leaders', 'oc_office'],
    ]);
    expect(config.ledgers.map((l) => [l.config.reminders.daysBefore, l.config.reminders.escalateAfterWorkdays])).toEqual([[[5], 5], [[5], 2]]);
  });

  it('keeps the single-ledger configuration as it was, its ledger named default', () => {
    const config = load({ sheet: 'tasks.csv' }).loaded();
    expect(config.ledger).toBe('default');
    expect(config.ledgers).toHaveLength(1);
    expect(config.ledgers[0].config).toBe(config.config);
  });

  it('names the field of each problem: empty, repeated and unusable names, a missing sheet, per-ledger keys that are global', () => {
    expect(issuesOf({
      ledgers: [
        { name: '双拥', sheet: 'a.csv' },
        { name: '双拥', sheet: 'b.csv' },
        { name: '民生 实事', sheet: 'c.csv' },
        { sheet: 'd.csv', timezone: 'Asia/Shanghai' },
        { name: '督查', schedule: { digest: 'soon' }, chats: { allow: ['oc_x'] }, shedule: {} },
      ],
    })).toEqual([
      { path: 'ledgers[1].name', message: '“双拥”已用作 ledgers[0].name，台账的名称和别名不能重复' },
      { path: 'ledgers[2].name', message: '台账名称只能含文字、数字、- 和 _（不能有空格或标点），以便在命令行和群消息中使用' },
      { path: 'ledgers[3].name', message: '缺少台账名称，例如 name: 双拥（回答和命令行 --ledger 用它区分台账）' },
      { path: 'ledgers[3].timezone', message: '每个台账不能单独设置 timezone（它对所有台账通用，请写在顶层）；台账可以单独设置：name、aliases、groups、sheet、units、chats、schedule、reminders、warnings、lights、dueSoonWorkdays、review、collect、calendar、scoring、report、staleAfterWorkdays' },
      { path: 'ledgers[4].shedule', message: '不认识的配置项，是不是 ledgers[4].schedule？' },
      { path: 'ledgers[4].chats.allow', message: '机器人回答哪些群对所有台账通用，请把 chats.allow 写在顶层；台账自己的群请写在 groups' },
      { path: 'ledgers[4].sheet', message: '缺少这一项：需要台账的位置：文件路径或表格链接' },
      { path: 'ledgers[4].schedule.digest', message: '需要只含一个固定“分”和“时”的 cron 表达式，例如 "0 9 * * *"（每天 09:00）或 "0 16 * * 5"（周五 16:00）' },
    ]);
  });

  it('finds ledgers reading the same sheet', () => {
    expect(sameSheetWarnings([{ name: 'a', sheet: 's.csv' }, { name: 'b', sheet: 't.csv' }, { name: 'c', sheet: 's.csv' }])).toEqual([{ sheet: 's.csv', ledgers: ['a', 'c'] }]);
  });
});
