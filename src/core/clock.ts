/** The source of "now"; injected so tests and the scheduler control time. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where a test puts it. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => { current = new Date(d); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}
