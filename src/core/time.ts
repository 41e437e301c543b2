import { dateFormat } from './zone.ts';

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
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Formats an instant for chat in the operator's zone: "Tue, Dec 1, 9:00 AM" (with the year if not this year). */
export function formatWhen(at: Date, timeZone: string, now: Date, locale = 'en-US'): string {
  const sameYear = localDay(at, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);
  return dateFormat(locale, {
    timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** Formats a day in the operator's zone: "Dec 1" or "Dec 1, 2025". */
export function formatDay(at: Date, timeZone: string, now: Date, locale = 'en-US'): string {
  const sameYear = localDay(at, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);
  return dateFormat(locale, { timeZone, month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
}

/** Whole days between two instants (b - a), rounded down. */
export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY_MS);
}

/** The instant `days` days after `at`. */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
