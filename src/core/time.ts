/** True when the runtime knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;

/** The local calendar day of an instant in a zone, as "YYYY-MM-DD". */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Formats an instant for chat in the operator's zone: "Tue, Dec 1, 9:00 AM" (with the year if not this year). */
export function formatWhen(at: Date, timeZone: string, now: Date, locale = 'en-US'): string {
  const sameYear = localDay(at, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** Formats a day in the operator's zone: "Dec 1" or "Dec 1, 2025". */
export function formatDay(at: Date, timeZone: string, now: Date, locale = 'en-US'): string {
  const sameYear = localDay(at, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
}

/** Whole days between two instants (b - a), rounded down. */
export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY_MS);
}

/** The instant `days` days after `at`. */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. +60 for Berlin in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local wall-clock time in a zone names (DST-safe: a skipped hour moves forward). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let at = new Date(guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
  // A second pass settles instants next to a DST change.
  at = new Date(guess - zoneOffsetMinutes(at, timeZone) * 60_000);
  return at;
}
