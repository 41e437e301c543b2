import { addDays, localTimeOf, zonedToUtc, type LocalTime } from '../core/zone.ts';
import { formatWhen } from '../core/time.ts';

/** A wall-clock date and time in some zone; weekday 0 is Sunday. */
export type LocalParts = LocalTime;

/** The wall-clock reading of an instant in a zone. */
export const localParts = localTimeOf;

/** The instant a local time of day falls on, `days` calendar days after the local day of `at`. */
export function localTimeOn(at: Date, timeZone: string, days: number, minuteOfDay: number): Date {
  const d = addDays(localParts(at, timeZone), days);
  return zonedToUtc(d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, timeZone);
}

/** Local midnight starting the day of `at` (for "sent today" counts). */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return localTimeOn(at, timeZone, 0, 0);
}

/** The local calendar day of an instant, "YYYY-MM-DD" (for idempotency keys). */
export function localDayKey(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The latest instant at or before `at` that reads `minuteOfDay` on the local clock. */
export function latestDailySlot(at: Date, timeZone: string, minuteOfDay: number): Date {
  const today = localTimeOn(at, timeZone, 0, minuteOfDay);
  return today.getTime() <= at.getTime() ? today : localTimeOn(at, timeZone, -1, minuteOfDay);
}

/** The latest instant at or before `at` that reads `weekday` (0 = Sunday) and `minuteOfDay` locally. */
export function latestWeeklySlot(at: Date, timeZone: string, weekday: number, minuteOfDay: number): Date {
  const back = (localParts(at, timeZone).weekday - weekday + 7) % 7;
  const slot = localTimeOn(at, timeZone, -back, minuteOfDay);
  return slot.getTime() <= at.getTime() ? slot : localTimeOn(at, timeZone, -back - 7, minuteOfDay);
}

/** True when `at` falls in quiet hours [start, end) on the local clock; the range may wrap midnight. */
export function isQuietTime(at: Date, timeZone: string, startMin: number, endMin: number): boolean {
  if (startMin === endMin) return false;
  const p = localParts(at, timeZone);
  const m = p.hour * 60 + p.minute;
  return startMin < endMin ? m >= startMin && m < endMin : m >= startMin || m < endMin;
}

/** When quiet hours around `at` end (the next local `endMin`); `at` itself when it is not quiet. */
export function quietHoursEnd(at: Date, timeZone: string, startMin: number, endMin: number): Date {
  if (!isQuietTime(at, timeZone, startMin, endMin)) return at;
  const today = localTimeOn(at, timeZone, 0, endMin);
  return today.getTime() > at.getTime() ? today : localTimeOn(at, timeZone, 1, endMin);
}

/** core/time.ts `formatWhen` bound to a zone, a clock reading and a locale, for formatting many due times. */
export function whenFormatter(timeZone: string, now: Date, locale = 'en-US'): (at: Date) => string {
  return (at) => formatWhen(at, timeZone, now, locale);
}
