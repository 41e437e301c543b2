/** A stretch of the message, [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

/** A clock time found in a message, with where it was written. */
export interface TimeOfDay {
  hour: number;
  minute: number;
  spans: Span[];
}

// Without am/pm, 1-6 o'clock means the afternoon when people schedule work ("at 3" is 15:00).
function businessHour(hour: number): number {
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

const CLOCK_AMPM = /(?:\b(?:at|@|by|around|before)\s*)?\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?/gi;
const CLOCK_24H = /(?:\b(?:at|@|by|around|before)\s*)?\b([01]?\d|2[0-3])[:h]([0-5]\d)\b(?!\s*[ap]\.?m\b)/gi;
const AT_HOUR = /\b(?:at|@)\s*(\d{1,2})\b(?![:.,/%]\d|\s*(?:[ap]\.?m\b|k\b|%|[a-z]*\s*(?:people|users|seats|licen[cs]es|percent)))/gi;
const NAMED = [
  { re: /\b(?:at\s+|by\s+)?(?:noon|midday)\b/gi, hour: 12 },
  { re: /\b(?:at\s+)?midnight\b/gi, hour: 0 },
  { re: /\b(?:by\s+|before\s+|at\s+)?(?:the\s+)?(?:e\.?o\.?d\b|e\.?o\.?b\b|c\.?o\.?b\b|end\s+of\s+(?:the\s+)?(?:business\s+|work\s*)?day\b|close\s+of\s+business\b)/gi, hour: 17 },
];
const PART_OF_DAY = [
  { re: /\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b|\b(?:in\s+the\s+)?morning\b/gi, hour: 9 },
  { re: /\blater(?=\s+today\b)/gi, hour: 18 },
  { re: /\b(?:in\s+the\s+)?(?:afternoon|arvo)\b/gi, hour: 15 },
  { re: /\b(?:in\s+the\s+)?evening\b/gi, hour: 18 },
  { re: /\b(?:tonight|(?:at\s+)?night)\b/gi, hour: 20 },
];

function first(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

// "Night Owl Labs", "Morning Glory Cafe": a capitalised part of the day before a capitalised word is a name.
function startsName(text: string, m: RegExpExecArray): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(m[0]) && /^ \p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
}

function span(m: RegExpExecArray): Span {
  return { start: m.index, end: m.index + m[0].length };
}

/**
 * The time of day a message asks for: a clock time ("10am", "15:30", "at 3"), "noon", "eod" (17:00)
 * or a part of the day (morning 09:00, afternoon 15:00, evening 18:00, tonight 20:00). A clock time
 * wins over a part of the day ("tomorrow morning at 10am" is 10:00).
 */
export function findTimeOfDay(text: string): TimeOfDay | undefined {
  const m1 = first(CLOCK_AMPM, text);
  if (m1) {
    const h = Number(m1[1]) % 12;
    const hour = m1[3]?.toLowerCase() === 'p' ? h + 12 : h;
    if (Number(m1[1]) <= 12) return { hour, minute: Number(m1[2] ?? 0), spans: [span(m1)] };
  }
  const m2 = first(CLOCK_24H, text);
  if (m2) return { hour: businessHour(Number(m2[1])), minute: Number(m2[2]), spans: [span(m2)] };
  const m3 = first(AT_HOUR, text);
  if (m3 && Number(m3[1]) <= 23) return { hour: businessHour(Number(m3[1])), minute: 0, spans: [span(m3)] };
  for (const { re, hour } of NAMED) {
    const m = first(re, text);
    if (m) return { hour, minute: 0, spans: [span(m)] };
  }
  for (const { re, hour } of PART_OF_DAY) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!startsName(text, m)) return { hour, minute: 0, spans: [span(m)] };
    }
  }
  return undefined;
}
