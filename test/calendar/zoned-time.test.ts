import { describe, expect, it } from 'vitest';
import { addMinutes, offsetMinutes, wallClock, zonedInstant, zonedIso } from '../../src/calendar/zoned-time.js';

describe('zoned time', () => {
  it('reads the wall clock of an instant in a named zone', () => {
    expect(wallClock(new Date('2026-02-14T01:03:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-02-14', time: '09:03' });
    expect(wallClock(new Date('2026-02-13T16:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-02-14', time: '00:30' });
  });

  it('turns a local date and time into the instant and an ISO string with offset', () => {
    expect(zonedInstant('2026-02-14', '09:03', 'Asia/Shanghai').toISOString()).toBe('2026-02-14T01:03:00.000Z');
    expect(zonedIso('2026-02-14', '09:03', 'Asia/Shanghai')).toBe('2026-02-14T09:03:00+08:00');
    // The US switches to daylight time on 2026-03-08: offsets either side.
    expect(zonedIso('2026-03-07', '09:00', 'America/New_York')).toBe('2026-03-07T09:00:00-05:00');
    expect(zonedIso('2026-03-08', '09:00', 'America/New_York')).toBe('2026-03-08T09:00:00-04:00');
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('adds minutes to a clock time', () => {
    expect(addMinutes('09:58', 4)).toBe('10:02');
    expect(addMinutes('16:00', 1)).toBe('16:01');
  });
});
