import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCron, type CronHandle } from '../../src/scheduler/cron.ts';
import { CRON } from '../../src/scheduler/plan.ts';

describe('cron mapping (node-cron 4, fake timers)', () => {
  let handle: CronHandle | undefined;
  afterEach(async () => {
    await handle?.stop();
    vi.useRealTimers();
  });

  async function firings(expression: string, timeZone: string, from: string, hours: number): Promise<string[]> {
    vi.useFakeTimers({ now: new Date(from), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date'] });
    const at: string[] = [];
    handle = startCron([{ name: 'probe', expression, run: async () => { at.push(new Date().toISOString()); } }], timeZone);
    await vi.advanceTimersByTimeAsync(hours * 3_600_000);
    return at;
  }

  it('wakes the daily digests at 08:00 New York time on both sides of the November fall-back', async () => {
    const at = await firings(CRON.digests, 'America/New_York', '2026-10-30T12:30:00Z', 97);
    // 08:00 EDT is 12:00 UTC; from Sunday 1 November, 08:00 EST is 13:00 UTC.
    expect(at.map((s) => s.slice(0, 19))).toEqual(['2026-10-31T12:00:00', '2026-11-01T13:00:00', '2026-11-02T13:00:00', '2026-11-03T13:00:00']);
  });

  it('wakes the churn check at 09:00 New York time across the March spring-forward', async () => {
    const at = await firings(CRON.churn, 'America/New_York', '2026-03-07T15:00:00Z', 48);
    expect(at.map((s) => s.slice(0, 19))).toEqual(['2026-03-08T13:00:00', '2026-03-09T13:00:00']);
  });

  it('wakes the reminder sweep every 15 seconds', async () => {
    const at = await firings(CRON.reminders, 'Europe/Berlin', '2026-11-24T15:00:01Z', 1 / 60);
    expect(at.map((s) => s.slice(11, 19))).toEqual(['15:00:15', '15:00:30', '15:00:45', '15:01:00']);
  });
});
