import { describe, expect, it } from 'vitest';
import { cleanQuestion, stripMentions } from '../../src/ask/clean-question.js';
import { parseCount } from '../../src/ask/numbers.js';
import { readDuePeriod } from '../../src/ask/due-period.js';
import { updateIntent } from '../../src/ask/update-command.js';
import { isSelf, trimFillers } from '../../src/ask/unit-phrase.js';

describe('cleanQuestion', () => {
  it('drops mentions, courtesies and end punctuation, and spaces beside Chinese', () => {
    expect(cleanQuestion('<at user_id="ou_1">督办</at> 请问，帮我查一下 交通局 负责哪些任务？？')).toBe('交通局负责哪些任务');
    expect(cleanQuestion('@机器人交通局的任务吗')).toBe('交通局的任务');
    expect(cleanQuestion('  Please, show me   overdue tasks! ')).toBe('overdue tasks');
    expect(cleanQuestion('任务 ６ 进展')).toBe('任务6进展');
    expect(cleanQuestion('history of the park')).toBe('history of the park');
  });

  it('keeps a lone question mark rather than leave nothing', () => {
    expect(cleanQuestion('？')).toBe('?');
  });

  it('stripMentions keeps the user’s own spacing', () => {
    expect(stripMentions('@_user_1 备注：路面  已铺设')).toBe('备注:路面  已铺设');
  });
});

describe('parseCount', () => {
  it.each([
    ['3', 3], ['15', 15], ['三', 3], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['二十三', 23], ['零', 0],
  ])('%s → %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it('rejects what is not a count', () => {
    for (const text of ['', '五三', '十十', 'x']) expect(parseCount(text)).toBeNull();
  });
});

describe('readDuePeriod', () => {
  it('reads week, month, days and due-soon windows and leaves the rest for a unit', () => {
    expect(readDuePeriod('交通局本周到期的任务')).toEqual({ period: 'week', days: null, rest: '交通局 的任务' });
    expect(readDuePeriod('due within 10 days')).toEqual({ period: 'days', days: 10, rest: '' });
    expect(readDuePeriod('接下来两天')).toEqual({ period: 'days', days: 2, rest: '' });
    expect(readDuePeriod('快到期的任务')?.days).toBeNull();
  });

  it('does not take a number of days without a due word for a due question', () => {
    expect(readDuePeriod('5天内完成验收')).toBeNull();
    expect(readDuePeriod('本周工作安排')).toBeNull();
  });
});

describe('updateIntent', () => {
  it('is null when nothing is being updated', () => {
    expect(updateIntent('6', '进展', '任务6进展')).toBeNull();
  });

  it('takes unlabelled text as the note only after an explicit 更新', () => {
    expect(updateIntent('6', '路面已铺设', '更新6 路面已铺设', true)).toMatchObject({ note: '路面已铺设' });
    expect(updateIntent('6', '路面已铺设', '任务6 路面已铺设')).toBeNull();
  });

  it('reads progress with or without the word 进度, and a status field', () => {
    expect(updateIntent('6', '完成70%', '任务6 完成70%')).toEqual({ kind: 'update', id: '6', status: null, progress: '70%', note: null });
    expect(updateIntent('6', '状态:暂缓', '任务6 状态：暂缓')).toEqual({ kind: 'update', id: '6', status: '暂缓', progress: null, note: null });
    expect(updateIntent('6', '状态:待验收', '任务6 状态：待验收')).toMatchObject({ kind: 'update', status: '待验收' });
  });
});

describe('unit phrases', () => {
  it('trims fillers at both ends only', () => {
    expect(trimFillers('目前交通局有哪些')).toBe('交通局');
    expect(trimFillers('what is for the transport bureau')).toBe('transport bureau');
  });

  it('recognises the asker’s own unit', () => {
    for (const self of ['我', '我们单位', 'my', 'my unit', '本单位的']) expect(isSelf(self)).toBe(true);
    expect(isSelf('交通局')).toBe(false);
  });
});
