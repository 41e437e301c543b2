import { COUNT_SOURCE, countValue } from '../numbers.ts';
import { addDays, type LocalDay, localTimeOf, offsetMinutesAt, weekdayOf, zonedToUtc } from '../../core/zone.ts';
import { findCalendarDate } from './calendar-date.ts';
import { type DayPhraseOptions, findDayPhrase } from './day-phrase.ts';
import { findTimeOfDay, type Span } from './time-of-day.ts';

export type { Span } from './time-of-day.ts';

/** What resolving a time needs: the instant "now" and the zone (and locale) of the person writing. */
export interface DateContext {
  now: Date;
  timeZone: string;
  locale?: string;
}

/** A resolved time and the stretches of the message that wrote it. */
export interface FoundTime {
  at: Date;
  spans: Span[];
}

// Hour used when a day is given without a time (LABELING.md: 09:00 local).
const DEFAULT_HOUR = 9;

function todayOf(ctx: DateContext): LocalDay {
  const t = localTimeOf(ctx.now, ctx.timeZone);
  return { year: t.year, month: t.month, day: t.day };
}

/**
 * The future time a message asks for ("on Friday 10am", "next week", "in 2 hours", "Dec 3", "eod"),
 * resolved in the writer's zone with DST-correct offsets; undefined when the text names no time.
 */
export function findDue(text: string, ctx: DateContext, options: DayPhraseOptions = {}): FoundTime | undefined {
  const today = todayOf(ctx);
  const phrase = findDayPhrase(text, today, options);
  if (phrase?.offsetMs !== undefined) return { at: new Date(ctx.now.getTime() + phrase.offsetMs), spans: phrase.spans };
  const calendar = findCalendarDate(text, ctx.now, offsetMinutesAt(ctx.now, ctx.timeZone), today, ctx.locale);
  const time = findTimeOfDay(text);
  const useCalendar = calendar && (!phrase || (calendar.spans[0]?.start ?? 0) < (phrase.spans[0]?.start ?? 0));
  const day = useCalendar ? calendar : phrase;
  const spans = [...(day?.spans ?? []), ...(time?.spans ?? [])];
  if (day?.day) {
    const hour = time?.hour ?? (useCalendar ? undefined : phrase?.hour) ?? DEFAULT_HOUR;
    return { at: zonedToUtc(day.day, hour, time?.minute ?? 0, ctx.timeZone), spans };
  }
  if (!time) return undefined;
  // A time without a day is the next time the clock shows it.
  let at = zonedToUtc(today, time.hour, time.minute, ctx.timeZone);
  if (at.getTime() < ctx.now.getTime()) at = zonedToUtc(addDays(today, 1), time.hour, time.minute, ctx.timeZone);
  return { at, spans };
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const PAST_WEEKDAY = /\b(?:last|on|this\s+past)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const DAYS_AGO = new RegExp(`\\b(${COUNT_SOURCE})\\s+(days?|weeks?)\\s+ago\\b`, 'i');

/**
 * When a logged interaction happened, for past phrases ("yesterday", "this morning", "last Friday",
 * "2 days ago"): that local day at the written time or 09:00. Undefined means "now".
 */
export function findPast(text: string, ctx: DateContext): Date | undefined {
  const today = todayOf(ctx);
  let day: LocalDay | undefined;
  let hour: number | undefined;
  const weekday = PAST_WEEKDAY.exec(text);
  const ago = DAYS_AGO.exec(text);
  if (/\blast\s+night\b/i.test(text)) {
    day = addDays(today, -1);
    hour = 20;
  } else if (/\byesterday\b/i.test(text)) day = addDays(today, -1);
  else if (/\b(?:this|earlier\s+this)\s+(?:morning|afternoon|evening)\b|\bearlier\s+today\b/i.test(text)) day = today;
  else if (weekday) {
    const back = (weekdayOf(today) - (WEEKDAY_INDEX[(weekday[1] ?? '').toLowerCase()] ?? 0) + 7) % 7;
    day = addDays(today, -(back || 7));
  } else if (ago) {
    const n = countValue(ago[1] ?? '1');
    day = addDays(today, /^w/i.test(ago[2] ?? '') ? -7 * n : -n);
  } else if (/\blast\s+week\b/i.test(text)) day = addDays(today, -7);
  if (!day) return undefined;
  const time = findTimeOfDay(text);
  return zonedToUtc(day, time?.hour ?? hour ?? DEFAULT_HOUR, time?.minute ?? 0, ctx.timeZone);
}
