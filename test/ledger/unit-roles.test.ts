import { describe, expect, it } from 'vitest';
import { unitRoles } from '../../src/ledger/unit-roles.js';

describe('unitRoles', () => {
  it.each<[string, string[], string[]]>([
    ['区交通局、区公安分局', ['区交通局', '区公安分局'], []],
    ['区交通局（牵头）、区公安分局', ['区交通局'], ['区公安分局']],
    ['区交通局(牵头)、区公安分局（配合）', ['区交通局'], ['区公安分局']],
    ['区发改委牵头，区财政局配合', ['区发改委'], ['区财政局']],
    ['区城市管理局、区住建委牵头；区水利局配合', ['区城市管理局', '区住建委'], ['区水利局']],
    ['区城市管理局牵头，区住建委、区水利局配合', ['区城市管理局'], ['区住建委', '区水利局']],
    ['各镇街负责，区应急管理局指导', ['各镇街'], ['区应急管理局']],
    ['区教委、区公安分局按职责分工负责', ['区教委', '区公安分局'], []],
    ['区委办（区委督查室）', ['区委办（区委督查室）'], []],
    ['区委宣传部（区文明办）牵头，区商务局配合', ['区委宣传部（区文明办）'], ['区商务局']],
    ['', [], []],
  ])('%j', (cell, lead, assist) => {
    expect(unitRoles(cell)).toMatchObject({ lead, assist });
  });
});

it('says whether a unit was marked as the lead', () => {
  expect(unitRoles('区交通局（牵头）、区公安分局').strong).toBe(true);
  expect(unitRoles('各镇街负责，区应急管理局指导').strong).toBe(false);
});
