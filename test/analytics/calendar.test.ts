import { describe, expect, it } from 'vitest';
import { createCalendarDayOf, formatCalendarDate, parseCalendarDate } from '../../src/analytics/calendar.ts';

describe('calendar days', () => {
  it('parses and formats YYYY-MM-DD and rejects impossible dates', () => {
    expect(parseCalendarDate('1970-01-02')).toBe(1);
    expect(formatCalendarDate(parseCalendarDate('2024-02-29') ?? 0)).toBe('2024-02-29');
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2023-2-1')).toBeUndefined();
  });

  it('puts an instant on its local day, across daylight-saving changes', () => {
    const paris = createCalendarDayOf('Europe/Paris');
    // Summer: UTC+2, so 22:30 UTC is already the next day; winter: UTC+1, 22:30 UTC is 23:30 the same day.
    expect(formatCalendarDate(paris(new Date('2026-07-01T22:30:00.000Z')))).toBe('2026-07-02');
    expect(formatCalendarDate(paris(new Date('2026-01-01T22:30:00.000Z')))).toBe('2026-01-01');
    expect(formatCalendarDate(createCalendarDayOf('Asia/Kolkata')('2026-01-01T18:45:00.000Z'))).toBe('2026-01-02');
    // A calendar date names the same day whatever the zone.
    expect(formatCalendarDate(createCalendarDayOf('Pacific/Auckland')('2026-01-01'))).toBe('2026-01-01');
  });

  it('rejects unknown zones and unreadable dates', () => {
    expect(() => createCalendarDayOf('Mars/Olympus')).toThrow(RangeError);
    expect(() => createCalendarDayOf()('soon')).toThrow(RangeError);
  });
});
