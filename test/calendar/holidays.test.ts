/** Holidays by name: the next run of days off that holds the holiday, from the national schedule or its legal date. */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/chinese-calendar.js';
import { nextHoliday } from '../../src/calendar/holidays.js';

const calendar = createWorkCalendar();

describe('nextHoliday', () => {
  it('finds the whole block of days off, Mid-Autumn inside National Day', () => {
    expect(nextHoliday('国庆节', '2025-09-17', calendar)).toEqual({ first: '2025-10-01', last: '2025-10-08' });
    expect(nextHoliday('中秋', '2025-09-17', calendar)).toEqual({ first: '2025-10-01', last: '2025-10-08' });
  });

  it('finds the next holiday of any name, and next year’s when this year’s has begun', () => {
    expect(nextHoliday(null, '2026-04-22', calendar)).toEqual({ first: '2026-05-01', last: '2026-05-05' });
    expect(nextHoliday('劳动节', '2026-05-02', calendar)?.first.slice(0, 4)).not.toBe('2026');
  });

  it('falls back to the legal date of a fixed holiday in a year without a published schedule', () => {
    expect(nextHoliday('国庆节', '2031-09-01', calendar)).toMatchObject({ first: '2031-10-01' });
    expect(nextHoliday('端午', '2031-05-01', calendar)).toBeNull();
  });
});
