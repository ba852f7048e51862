/** The injectable clock: the scheduler and runs ask it for "now", so tests drive time by hand. */

export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests that stays where it is set. */
export function fixedClock(start: Date | string): Clock & { set(instant: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => void (current = new Date(instant)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}
