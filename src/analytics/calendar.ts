/** Calendar-day arithmetic in an IANA time zone, shared by purchase summaries, NPS trends and retention. */

/** Milliseconds in one calendar day (UTC days have no leap seconds in JS time). */
export const MS_PER_DAY = 86_400_000;

const MS_PER_HOUR = 3_600_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A point in time: a Date, an ISO-8601 instant, or a `YYYY-MM-DD` calendar date (taken as that day in any zone). */
export type DateInput = Date | string;

/** Day number (whole days since 1970-01-01) of a `YYYY-MM-DD` date, or undefined when the text is not a real date. */
export function parseCalendarDate(text: string): number | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC silently rolls 2023-02-30 over to March; a round trip catches it.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` text of a day number. */
export function formatCalendarDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year (e.g. 2026) and month (1-12) of a day number. */
export function yearMonthOf(dayNumber: number): { year: number; month: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Maps instants to the day number of their local calendar date in `timeZone`. */
export type CalendarDayOf = (when: DateInput) => number;

/**
 * Returns a function giving the local calendar day of an instant in `timeZone` (default UTC).
 * Throws RangeError for an unknown time zone.
 */
export function createCalendarDayOf(timeZone = 'UTC'): CalendarDayOf {
  const offsetMsAt = timeZone === 'UTC' ? () => 0 : createOffsetLookup(timeZone);
  return (when) => {
    if (typeof when === 'string' && when.length === 10) {
      const calendarDay = parseCalendarDate(when);
      if (calendarDay !== undefined) return calendarDay;
    }
    const ms = typeof when === 'string' ? Date.parse(when) : when.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`not a date: "${String(when)}"`);
    return Math.floor((ms + offsetMsAt(ms)) / MS_PER_DAY);
  };
}

function createOffsetLookup(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  // Offsets change on the hour almost everywhere (Lord Howe's half-hour shift is the exception we accept),
  // so one Intl call per UTC hour serves a million rows.
  const offsetByHour = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / MS_PER_HOUR);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      const start = hour * MS_PER_HOUR;
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(start)) parts[part.type] = Number(part.value);
      const wallMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
      offset = wallMs - start;
      offsetByHour.set(hour, offset);
    }
    return offset;
  };
}
