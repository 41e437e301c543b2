/** A calendar day in some zone (month 1-12). */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading in some zone: the day, the time and the weekday (0 = Sunday). */
export interface LocalTime extends LocalDay {
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date format built once per locale and options: building an Intl.DateTimeFormat costs tens of microseconds. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return dateFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
}

const canonical = new Map<string, string | undefined>();

/** The canonical spelling of an IANA zone ("europe/berlin" → "Europe/Berlin"), or undefined if unknown. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (!timeZone || typeof timeZone !== 'string' || timeZone.length > 64) return undefined;
  // Unknown zones are remembered too: Intl throws for them, and throwing is slow.
  if (canonical.has(timeZone)) return canonical.get(timeZone);
  let name: string | undefined;
  try {
    name = formatterFor(timeZone).resolvedOptions().timeZone;
  } catch {
    name = undefined;
  }
  if (canonical.size < 1000) canonical.set(timeZone, name);
  return name;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return {
    year, month, day, hour: get('hour') % 24, minute: get('minute'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (New York in winter: -300). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const t = localTimeOf(instant, timeZone);
  const seconds = instant.getUTCSeconds();
  const wallMs = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, seconds);
  const instantMs = instant.getTime() - instant.getUTCMilliseconds();
  return Math.round((wallMs - instantMs) / 60_000);
}

/**
 * The instant at which `timeZone` shows the given wall time. Correct across DST changes: the offset
 * is the one in force at the target time, not at "now". A wall time skipped by a spring-forward
 * gap resolves to the instant just after the gap; a repeated fall-back hour to its first occurrence.
 */
export function zonedToUtc(day: LocalDay, hour: number, minute: number, timeZone: string): Date {
  const naive = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  // Try the offsets in force a few hours either side and keep the earliest instant that matches.
  const candidates = new Set<number>();
  for (const probe of [naive - 12 * 3_600_000, naive, naive + 12 * 3_600_000]) {
    candidates.add(offsetMinutesAt(new Date(probe), timeZone));
  }
  let best: number | undefined;
  for (const offset of candidates) {
    const ms = naive - offset * 60_000;
    const back = localTimeOf(new Date(ms), timeZone);
    const matches = back.hour === hour && back.minute === minute && back.day === day.day;
    if (matches && (best === undefined || ms < best)) best = ms;
  }
  if (best !== undefined) return new Date(best);
  // In a gap: move forward by the size of the jump, which lands on the first valid wall time after it.
  return new Date(naive - offsetMinutesAt(new Date(naive - 12 * 3_600_000), timeZone) * 60_000);
}

/** The calendar day `days` after `day` (negative goes back). */
export function addDays(day: LocalDay, days: number): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Weekday (0 = Sunday) of a calendar day. */
export function weekdayOf(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** Compares two calendar days: negative when `a` is before `b`. */
export function compareDays(a: LocalDay, b: LocalDay): number {
  return (a.year - b.year) * 10_000 + (a.month - b.month) * 100 + (a.day - b.day);
}
