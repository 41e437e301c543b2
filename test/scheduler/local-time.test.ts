import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/core/time.ts';
import {
  isQuietTime, latestDailySlot, latestWeeklySlot, localDayKey, quietHoursEnd, startOfLocalDay, whenFormatter,
} from '../../src/scheduler/local-time.ts';
import { chooseOperatorChats, operatorAccounts } from '../../src/scheduler/targets.ts';

const NY = 'America/New_York';
const iso = (d: Date) => d.toISOString();

describe('local time, DST-safe', () => {
  it('finds the latest 08:00 on both sides of the fall-back and the spring-forward', () => {
    expect(iso(latestDailySlot(new Date('2026-11-01T12:59:00Z'), NY, 480))).toBe('2026-10-31T12:00:00.000Z');
    expect(iso(latestDailySlot(new Date('2026-11-01T13:00:00Z'), NY, 480))).toBe('2026-11-01T13:00:00.000Z');
    expect(iso(latestDailySlot(new Date('2026-03-08T12:00:00Z'), NY, 480))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(latestDailySlot(new Date('2026-03-08T11:59:59Z'), NY, 480))).toBe('2026-03-07T13:00:00.000Z');
  });

  it('finds the latest Monday 08:00, and local midnight and day keys', () => {
    expect(iso(latestWeeklySlot(new Date('2026-11-30T13:00:00Z'), NY, 1, 480))).toBe('2026-11-30T13:00:00.000Z');
    expect(iso(latestWeeklySlot(new Date('2026-11-30T12:59:00Z'), NY, 1, 480))).toBe('2026-11-23T13:00:00.000Z');
    expect(iso(latestWeeklySlot(new Date('2026-11-29T12:00:00Z'), NY, 1, 480))).toBe('2026-11-23T13:00:00.000Z');
    expect(iso(startOfLocalDay(new Date('2026-11-02T03:00:00Z'), NY))).toBe('2026-11-01T04:00:00.000Z');
    expect(localDayKey(new Date('2026-11-02T03:00:00Z'), NY)).toBe('2026-11-01');
  });

  it('reads quiet hours that wrap midnight, and when they end', () => {
    const tokyo = 'Asia/Tokyo';
    expect(isQuietTime(new Date('2026-11-24T12:00:00Z'), tokyo, 1260, 540)).toBe(true); // 21:00
    expect(isQuietTime(new Date('2026-11-24T11:59:00Z'), tokyo, 1260, 540)).toBe(false); // 20:59
    expect(isQuietTime(new Date('2026-11-24T23:59:00Z'), tokyo, 1260, 540)).toBe(true); // 08:59
    expect(isQuietTime(new Date('2026-11-25T00:00:00Z'), tokyo, 1260, 540)).toBe(false); // 09:00
    expect(iso(quietHoursEnd(new Date('2026-11-24T13:00:00Z'), tokyo, 1260, 540))).toBe('2026-11-25T00:00:00.000Z');
    expect(iso(quietHoursEnd(new Date('2026-11-24T20:00:00Z'), tokyo, 1260, 540))).toBe('2026-11-25T00:00:00.000Z');
    expect(isQuietTime(new Date('2026-11-24T13:00:00Z'), tokyo, 600, 600)).toBe(false);
    expect(isQuietTime(new Date('2026-11-24T05:00:00Z'), tokyo, 720, 900)).toBe(true); // 14:00 in a daytime range
  });

  it('formats due times exactly like formatWhen', () => {
    const now = new Date('2026-11-24T15:00:00Z');
    const when = whenFormatter(NY, now, 'en-US');
    for (const at of ['2026-11-02T15:00:00Z', '2026-12-31T23:30:00Z', '2027-01-01T05:00:00Z', '2025-06-01T12:00:00Z']) {
      expect(when(new Date(at))).toBe(formatWhen(new Date(at), NY, now, 'en-US'));
    }
  });
});

describe('operator targets', () => {
  const accounts = operatorAccounts({ telegram: new Set(['42']), slack: new Set(['U1', 'U2']) });

  it('sends to each configured operator whose chat is known on a running platform, else the console', () => {
    expect(accounts).toEqual([{ platform: 'slack', userId: 'U1' }, { platform: 'slack', userId: 'U2' }, { platform: 'telegram', userId: '42' }]);
    const known = [{ platform: 'telegram', userId: '42', chatId: 't42' }, { platform: 'slack', userId: 'U9', chatId: 'D9' }, { platform: 'slack', userId: 'U1', chatId: 'D1' }];
    expect(chooseOperatorChats(accounts, known, new Set(['slack', 'telegram', 'console']))).toEqual([
      { platform: 'slack', chatId: 'D1', who: 'slack:U1' }, { platform: 'telegram', chatId: 't42', who: 'telegram:42' },
    ]);
    // U9 is no longer an operator; Telegram is not running: the console is the only way left.
    expect(chooseOperatorChats(accounts, known.filter((k) => k.userId !== 'U1'), new Set(['slack', 'console']))).toEqual([{ platform: 'console', chatId: 'console', who: 'console' }]);
    expect(chooseOperatorChats(accounts, [], new Set(['slack']))).toEqual([]);
  });
});
