// The English locale alone: the package root loads every locale (about 1 s at start-up).
import * as chrono from 'chrono-node/en';
import { compareDays, type LocalDay } from '../../core/zone.ts';
import type { Span } from './time-of-day.ts';

/** A calendar date written in a message ("Dec 3", "3 December", "12/15"), with where it was written. */
export interface CalendarDate {
  day: LocalDay;
  spans: Span[];
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// Only a month next to a day number, or a numeric date, is worth asking chrono about: it is the
// slow path and would otherwise read "in January" or "may" as dates.
const LOOKS_LIKE_DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'i',
);
const DATE_TEXT = new RegExp(`${MONTH}|\\d/\\d|\\d{4}-\\d{2}`, 'i');

/**
 * The first calendar date in `text`, read by chrono-node (US or GB order by `locale`) and moved to
 * the next such date that is not in the past when the year is not written.
 */
export function findCalendarDate(
  text: string, now: Date, offsetMinutes: number, today: LocalDay, locale?: string,
): CalendarDate | undefined {
  if (!LOOKS_LIKE_DATE.test(text)) return undefined;
  const parser = locale && !/^en(-US)?$/i.test(locale) ? chrono.GB : chrono;
  const results = parser.parse(text, { instant: now, timezone: offsetMinutes });
  for (const r of results) {
    if (!DATE_TEXT.test(r.text) || !r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const month = r.start.get('month') ?? today.month;
    const dayOfMonth = r.start.get('day') ?? today.day;
    let year = r.start.isCertain('year') ? (r.start.get('year') ?? today.year) : today.year;
    if (!r.start.isCertain('year') && compareDays({ year, month, day: dayOfMonth }, today) < 0) year += 1;
    return { day: { year, month, day: dayOfMonth }, spans: [{ start: r.index, end: r.index + r.text.length }] };
  }
  return undefined;
}
