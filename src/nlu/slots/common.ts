import type { DateContext, Span } from '../dates/index.ts';
import { isEnglishWord } from '../lexicon/english.ts';
import { foldName } from '../lexicon/first-names.ts';
import { hasCompanySuffix, type LowerNames, type NameMatch, type NameRef, readNameAt } from '../names.ts';

/** What every slot extractor gets: the normalised message, its lower-cased copy, and the clock. */
export interface SlotInput {
  /** The normalised message (case kept). */
  text: string;
  /** `text` lower-cased; same length and offsets. */
  lower: string;
  ctx: DateContext;
}

/** Drops properties whose value is undefined or an empty string, so absent slots stay absent. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** The name right after the first match of `re` (searched from `from`), e.g. after "deal with". */
export function nameAfter(text: string, re: RegExp, from = 0, lower: LowerNames = 'unfamiliar'): NameMatch | undefined {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const g = new RegExp(re.source, flags);
  g.lastIndex = from;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const found = readNameAt(text, m.index + m[0].length, lower);
    if (found) return found;
    if (m[0].length === 0) g.lastIndex++;
  }
  return undefined;
}

/** Only the name fields of a match. */
export function refOf(m: NameMatch | undefined): NameRef {
  return m ? compact({ customer: m.customer, contact: m.contact }) : {};
}

// Prepositions left dangling when the words after them are cut out: "on Friday", "to Acme". Before
// a name only those that take a person or company go ("check on Acme" keeps its "on").
const DANGLING_TIME = /(?:\s+|^)(?:on|at|by|before|until|till|til|for|in|to|around|about)(?:\s+the)?\s*$/i;
const DANGLING_NAME = /(?:\s+|^)(?:to|for|with|w\/|from|at|of)(?:\s+the)?\s*$/i;
// A cut name followed by a noun modifies it ("the Hooli contract"): the words before it stay.
const MODIFIES_NEXT = /^\s+(?!(?:on|at|by|before|until|till|for|in|to|with|from|of|about|and|or|next|this|tomorrow|today|tonight)\b)[\p{Ll}]/u;

/**
 * `text` with time `spans` and name spans cut out, each taking any preposition right before it
 * ("on Friday", "to Acme") unless it modifies the next word ("the Hooli contract"); spaces tidied.
 */
export function cutSpans(text: string, spans: Span[], names: Span[] = []): string {
  let out = text;
  const all = [...spans.map((s) => ({ ...s, name: false })), ...names.map((s) => ({ ...s, name: true }))];
  // Text before `intact` is as in `text`; a cut may also have dropped a dangling word before it.
  let intact = text.length;
  for (const s of all.sort((a, b) => b.start - a.start)) {
    const end = Math.min(s.end, intact);
    const rest = out.slice(end);
    const dangling = s.name ? DANGLING_NAME : DANGLING_TIME;
    const head = out.slice(0, Math.min(s.start, end));
    const kept = MODIFIES_NEXT.test(rest) ? head : head.replace(dangling, '');
    out = `${kept} ${rest}`;
    intact = kept.length;
  }
  return out.replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}

/** A span from a name match. */
export function spanOf(m: NameMatch): Span {
  return { start: m.start, end: m.end };
}

/** Spans merged where they overlap, so cutting one never leaves half of another. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** `text` with the spans blanked out (same length, so offsets still hold). */
export function maskSpans(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(Math.max(0, s.end - s.start)) + out.slice(s.end);
  return out;
}

/**
 * A name taken for a company that the message's own address spells as a person's ("Rangi Parata
 * <rangi.parata@gmail.com>", "Camille Lefèvre, c.lefevre@…") is that person: the contact. Where a
 * person is expected anyway, the given name alone will do ("Hattie Lane, hattie@bramble.studio").
 */
export function personByAddress(ref: NameRef, email: string | undefined, firstNameEnough = false): NameRef {
  const name = ref.customer;
  if (!name || ref.contact || !email || hasCompanySuffix(name)) return ref;
  const words = name.split(/\s+/).map((w) => foldName(w).replace(/[^a-z]/g, '')).filter(Boolean);
  if (words.length < 2 || words.length > 3) return ref;
  const local = foldName(email.slice(0, email.indexOf('@')));
  const parts = local.split(/[._+-]/).map((t) => t.replace(/\d+$/, '')).filter(Boolean);
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (firstNameEnough && parts.includes(first)) return { contact: name };
  // "Farouk Electronics, farouk.e@…" is a business: an ordinary last word counts only when spelled out ("hattie.lane@").
  if (isEnglishWord(last) && !parts.includes(last)) return ref;
  const has = (w: string) => parts.includes(w) || parts.includes(w[0]!);
  const spelled = (parts.length >= 2 && has(first) && has(last) && (parts.includes(first) || parts.includes(last))) || local === first + last || local === first[0] + last;
  return spelled ? { contact: name } : ref;
}
