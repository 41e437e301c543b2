import type { Clock } from '../../src/core/clock.ts';

/** Polls until `pred` holds; fails after `timeoutMs`. None of the SDKs makes "reply sent" synchronous. */
export async function until(pred: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A clock that starts at `start` and runs in real time, so outbox retry delays elapse. */
export function runningClock(start: Date): Clock {
  const origin = Date.now();
  return { now: () => new Date(start.getTime() + (Date.now() - origin)) };
}
