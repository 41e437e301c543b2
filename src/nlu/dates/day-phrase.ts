import { COUNT_SOURCE, countValue } from '../numbers.ts';
import { addDays, type LocalDay, weekdayOf } from '../../core/zone.ts';
import type { Span } from './time-of-day.ts';

/** A relative day or duration found in a message, resolved against today's local date. */
export interface DayPhrase {
  /** The local day meant, when the phrase names a day. */
  day?: LocalDay;
  /** An exact offset from now ("in 2 hours"), when the phrase is a duration in hours or minutes. */
  offsetMs?: number;
  /** The hour the phrase itself implies ("tonight" 20:00, "eod" 17:00); otherwise the caller's default. */
  hour?: number;
  spans: Span[];
}

/** Options for finding a day phrase. */
export interface DayPhraseOptions {
  /** Also read bare and "for"/"by" durations ("snooze 2 days", "for a week"), as snoozes do. Default false. */
  durations?: boolean;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
// "sat" and "sun" are ordinary words too, so they only count after a word that introduces a day.
const WEEKDAY_RE = new RegExp(
  '\\b(?:(next|this|coming|on|until|till|til|to|by|before|for)\\s+)?' +
    '(monday|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sunday|mon|(?<=(?:on|next|this|until|till|to|by)\\s+)(?:sat|sun))\\b',
  'gi',
);
const UNIT_HOURS = '(hours?|hrs?|h|minutes?|mins?)';
const UNIT_DAYS = '(days?|d|weeks?|wks?|w|fortnights?|months?|mos?)';
const IN_EXACT = new RegExp(`\\b(?:in|within)\\s+(${COUNT_SOURCE}|half\\s+an)\\s*${UNIT_HOURS}\\b`, 'gi');
const ANY_EXACT = new RegExp(`(?:\\b(?:in|for|by)\\s+)?\\b(${COUNT_SOURCE}|half\\s+an)\\s*${UNIT_HOURS}\\b`, 'gi');
const IN_DAYS = new RegExp(`\\b(?:in|within)\\s+(${COUNT_SOURCE})\\s*${UNIT_DAYS}\\b|\\b(${COUNT_SOURCE})\\s*${UNIT_DAYS}\\s+from\\s+(?:now|today)\\b`, 'gi');
const ANY_DAYS = new RegExp(`(?:\\b(?:in|for|by)\\s+)?\\b(${COUNT_SOURCE})\\s*${UNIT_DAYS}\\b`, 'gi');
const NAMED_DAY = /\b(?:(?:on|by|until|till|for)\s+)?(day\s+after\s+tomorrow|tomorrow|tmrw|tmr|tommorow|tommorrow|tomorow|2morrow|2moro|today|tonight|this\s+(?:morning|afternoon|arvo|evening)|(?:early\s+)?next\s+w(?:ee)?k|next\s+month|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:week|month)|eow|eom)\b/gi;
const ORDINAL = /\b(?:on\s+|by\s+|until\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/gi;

function addMonths(day: LocalDay, months: number, dayOfMonth: number): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1 + months, dayOfMonth));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function unitDays(unit: string, n: number, today: LocalDay): LocalDay {
  const u = unit.toLowerCase();
  if (u.startsWith('f')) return addDays(today, 14 * n);
  if (u.startsWith('mo')) return addMonths(today, n, today.day);
  if (u.startsWith('w')) return addDays(today, 7 * n);
  return addDays(today, n);
}

function named(word: string, today: LocalDay): { day: LocalDay; hour?: number } {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('day after')) return { day: addDays(today, 2) };
  if (w === 'today') return { day: today };
  if (w === 'tonight') return { day: today, hour: 20 };
  if (w.startsWith('this ')) return { day: today };
  if (/next\s+w(?:ee)?k$/.test(w)) return { day: addDays(today, ((8 - weekdayOf(today)) % 7) || 7) };
  if (w === 'next month') return { day: addMonths(today, 1, 1) };
  if (w.endsWith('month') || w === 'eom') return { day: addMonths(today, 1, 0), hour: 17 };
  if (w.endsWith('week') || w === 'eow') {
    const toFriday = (5 - weekdayOf(today) + 7) % 7;
    return { day: addDays(today, weekdayOf(today) === 6 ? 6 : toFriday), hour: 17 };
  }
  return { day: addDays(today, 1) };
}

interface Candidate extends DayPhrase {
  at: number;
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

function spanOf(m: RegExpExecArray): Span[] {
  return [{ start: m.index, end: m.index + m[0].length }];
}

/**
 * The first relative day or duration in `text`, resolved per LABELING.md: a bare or "next" weekday
 * is the first such day strictly after today, "next week" is next Monday, "next month" the 1st,
 * "in 3 days" counts from today's date, "in 2 hours" is exact.
 */
export function findDayPhrase(text: string, today: LocalDay, options: DayPhraseOptions = {}): DayPhrase | undefined {
  const found: Candidate[] = [];
  const take = (c: Candidate): void => {
    found.push(c);
  };
  for (const m of matches(options.durations ? ANY_EXACT : IN_EXACT, text)) {
    const n = /^half/i.test(m[1] ?? '') ? 0.5 : countValue(m[1] ?? '1');
    const minutes = /^m/i.test(m[2] ?? '') ? n : n * 60;
    take({ at: m.index, offsetMs: minutes * 60_000, spans: spanOf(m) });
    break;
  }
  for (const m of matches(options.durations ? ANY_DAYS : IN_DAYS, text)) {
    const count = m[1] ?? m[3] ?? '1';
    const unit = m[2] ?? m[4] ?? 'day';
    take({ at: m.index, day: unitDays(unit, countValue(count), today), spans: spanOf(m) });
    break;
  }
  for (const m of matches(NAMED_DAY, text)) {
    take({ at: m.index, ...named(m[1] ?? '', today), spans: spanOf(m) });
    break;
  }
  for (const m of matches(WEEKDAY_RE, text)) {
    const target = WEEKDAYS[(m[2] ?? '').toLowerCase()] ?? 1;
    const ahead = (target - weekdayOf(today) + 7) % 7;
    // "this Friday" on a Friday is today; every other form is the first such day after today.
    const days = ahead === 0 && m[1]?.toLowerCase() !== 'this' ? 7 : ahead;
    take({ at: m.index, day: addDays(today, days), spans: spanOf(m) });
    break;
  }
  for (const m of matches(ORDINAL, text)) {
    const n = Number(m[1]);
    if (n < 1 || n > 31) continue;
    const thisMonth = addMonths(today, 0, n);
    take({ at: m.index, day: n >= today.day ? thisMonth : addMonths(today, 1, n), spans: spanOf(m) });
    break;
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.at - b.at);
  const best = found[0] as Candidate;
  return { day: best.day, offsetMs: best.offsetMs, hour: best.hour, spans: best.spans };
}
