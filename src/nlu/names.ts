import { isEnglishWord } from './lexicon/english.ts';
import { FIRST_NAMES } from './lexicon/first-names.ts';
import { COMPANY_SUFFIXES, STOP_WORDS } from './lexicon/words.ts';

/**
 * Which lower-case words may form a name: none; only words that are not ordinary English ("acme",
 * "globex", but not "weather"), or that end in a company suffix; or any word that is not a stop word
 * (for a slot the wording marks clearly, as in "new customer massive dynamic").
 */
export type LowerNames = 'never' | 'unfamiliar' | 'any';

/** A customer and/or contact named in a message, as written. */
export interface NameRef {
  customer?: string;
  contact?: string;
}

/** A name found in a message and where it was written, [start, end). */
export interface NameMatch extends NameRef {
  start: number;
  end: number;
}

interface Unit {
  name: string;
  start: number;
  end: number;
  possessive: boolean;
  capitalized: boolean;
}

// A word: letters/digits with inner hyphens, apostrophes and ampersands ("Weyland-Yutani", "AT&T").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’-]*[\p{L}\p{N}])?/uy;
const POSSESSIVE = /^(.*?)['’]s$/u;
const MAX_WORDS = 5;

function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() || /^\p{Lu}/u.test(word);
}

function isSuffix(word: string): boolean {
  return COMPANY_SUFFIXES.has(word.toLowerCase());
}

function isStop(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/’/g, "'"));
}

function wordAt(text: string, pos: number): { word: string; end: number } | undefined {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  return m ? { word: m[0], end: pos + m[0].length } : undefined;
}

// Whether a lower-case word may be part of a name under `lower`.
function lowerFits(word: string, lower: LowerNames, possessive: boolean): boolean {
  if (lower === 'never') return false;
  if (lower === 'any' || possessive) return true;
  return FIRST_NAMES.has(word.toLowerCase()) || !isEnglishWord(word);
}

// Reads one name ("Dunder Mifflin", "Umbrella Corp", "acme") starting at `pos`, skipping an article.
function readUnit(text: string, pos: number, lower: LowerNames): Unit | undefined {
  let p = pos;
  while (text[p] === ' ') p++;
  const article = /^the\s+/i.exec(text.slice(p, p + 4));
  if (article) p += article[0].length;
  const start = p;
  const words: string[] = [];
  let end = p;
  let possessive = false;
  let capitalized = false;
  while (words.length < MAX_WORDS) {
    let q = end;
    if (words.length > 0) {
      // Words of one name are separated by a single space, or by " & " inside a capitalised name.
      if (text[q] !== ' ') break;
      q++;
      if (text[q] === '&' && text[q + 1] === ' ' && capitalized) {
        // "Priya & Raj" are two people, "Procter & Gamble" one company.
        if (isPersonName(words.join(' '))) break;
        q += 2;
      }
    }
    const w = wordAt(text, q);
    if (!w) break;
    const poss = POSSESSIVE.exec(w.word);
    const bare = poss ? (poss[1] ?? '') : w.word;
    if (words.length === 0) {
      if (/^\d/.test(bare) || isStop(bare)) return undefined;
      capitalized = isCapitalized(bare);
      // An ordinary word may still start a lower-case company name ending in a suffix ("umbrella corp").
      if (!capitalized && !lowerFits(bare, lower, Boolean(poss)) && !suffixFollows(text, w.end, lower)) return undefined;
    } else {
      // Words of a capitalised name are capitalised; a lower-case name stays lower-case ("dunder mifflin").
      // An acronym after a capitalised name is a product or topic ("Acme VAT", "Globex SSO"), not part of it.
      const acronym = /^\p{Lu}{2,5}$/u.test(bare) && !/^\p{Lu}+$/u.test(words[0] ?? '');
      const fits = isSuffix(bare) || (!acronym && isCapitalized(bare) === capitalized && !isStop(bare) &&
        (capitalized || lowerFits(bare, lower, Boolean(poss)) || suffixFollows(text, w.end, lower)));
      if (!fits || /^\d/.test(bare)) break;
    }
    words.push(bare);
    end = w.end;
    // A possessive ends the name: "Acme's phone".
    if (poss) {
      possessive = true;
      break;
    }
  }
  if (words.length === 0) return undefined;
  const name = text.slice(start, possessive ? end - 2 : end);
  return { name, start, end, possessive, capitalized };
}

function suffixFollows(text: string, pos: number, lower: LowerNames): boolean {
  if (lower === 'never') return false;
  const next = /^ ([\p{L}.]+)/u.exec(text.slice(pos, pos + 30));
  return next !== null && isSuffix(next[1] ?? '');
}

/** True when a name ends in a company suffix ("Umbrella Corp", "Zorg GmbH"). */
export function hasCompanySuffix(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length > 1 && isSuffix(words[words.length - 1] ?? '');
}

/** True for names that read as a person: a known given name first and no company suffix ("Jane Doe"). */
export function isPersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 3 || words.some(isSuffix)) return false;
  const first = (words[0] ?? '').toLowerCase().replace(/\.$/, '');
  return FIRST_NAMES.has(first) || /^(mr|mrs|ms|dr|prof)$/.test(first);
}

function single(u: Unit): NameMatch {
  const ref: NameRef = isPersonName(u.name) ? { contact: u.name } : { customer: u.name };
  return { ...ref, start: u.start, end: u.end };
}

/**
 * Reads a name at `pos`: "Jane at Acme", "Bob from Globex", "Jane @ Acme", "Carol (Massive Dynamic)",
 * "Jane, Acme", "Acme's", or one name. A lone given name is a contact, anything else a customer.
 * `lower` says which lower-case words may form a name (messages typed without capitals).
 */
export function readNameAt(text: string, pos: number, lower: LowerNames = 'unfamiliar'): NameMatch | undefined {
  const u1 = readUnit(text, pos, lower);
  if (!u1) return undefined;
  if (u1.possessive) return single(u1);
  const rest = text.slice(u1.end, u1.end + 40);
  const personLike = u1.name.split(' ').length <= 3 && !u1.name.split(' ').some(isSuffix);
  // "Ana and Luis from X": the first person is the contact.
  const also = /^\s+(?:and|&)\s+/i.exec(rest);
  const second = also && isPersonName(u1.name) ? readUnit(text, u1.end + also[0].length, lower) : undefined;
  if (second && isPersonName(second.name)) {
    const linked = readNameAt(text, second.start, lower);
    if (linked?.customer && linked.contact) return { contact: u1.name, customer: linked.customer, start: u1.start, end: linked.end };
  }
  const link = /^\s*(?:at|from|@|of)\s+/i.exec(rest);
  if (link && personLike) {
    // After "at"/"from" a company is expected, so ordinary words count ("from massive dynamic").
    const u2 = readUnit(text, u1.end + link[0].length, lower === 'never' ? 'never' : 'any');
    if (u2 && !isPersonName(u2.name)) {
      return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
    }
  }
  const paren = /^\s*\(\s*/.exec(rest);
  if (paren) {
    const u2 = readUnit(text, u1.end + paren[0].length, lower === 'never' ? 'never' : 'any');
    const close = u2 ? /^\s*\)/.exec(text.slice(u2.end)) : null;
    if (u2 && close) {
      const end = u2.end + close[0].length;
      if (isPersonName(u2.name) && !isPersonName(u1.name)) return { contact: u2.name, customer: u1.name, start: u1.start, end };
      return { contact: u1.name, customer: u2.name, start: u1.start, end };
    }
  }
  const comma = /^\s*,\s*/.exec(rest);
  if (comma && isPersonName(u1.name)) {
    const u2 = readUnit(text, u1.end + comma[0].length, 'never');
    const after = u2 ? text.slice(u2.end) : '';
    if (u2 && !isPersonName(u2.name) && /^(?:\s*$|\s*[,.;:!?]|\s+[-–—])/.test(after)) {
      return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
    }
  }
  return single(u1);
}

/** Reads a whole span captured by a pattern ("Jane at Acme's", "the Acme") as a name. */
export function parseNameSpan(span: string, lower: LowerNames = 'unfamiliar'): NameRef {
  const cleaned = span.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».,;:!?]+$/gu, '');
  const m = readNameAt(cleaned, 0, lower);
  if (!m) return {};
  const ref: NameRef = {};
  if (m.contact !== undefined) ref.contact = m.contact;
  if (m.customer !== undefined) ref.customer = m.customer;
  return ref;
}

/** The first capitalised name anywhere in `text` at or after `from` (a fallback when no pattern applies). */
export function findCapitalizedName(text: string, from = 0): NameMatch | undefined {
  const re = /(?<![\p{L}\p{N}'’@.-])\p{Lu}/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = readNameAt(text, m.index, 'never');
    if (found) return found;
  }
  return undefined;
}
