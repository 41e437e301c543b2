import { isEnglishWord } from './lexicon/english.ts';
import { FIRST_NAMES, foldName, isSurname } from './lexicon/first-names.ts';
import { COMPANY_SUFFIXES, STOP_WORDS, TRADE_NOUNS } from './lexicon/words.ts';

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

// A word: letters/digits with inner hyphens, apostrophes, ampersands and dots ("Weyland-Yutani", "AT&T", "J.P").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?/uy;
const POSSESSIVE = /^(.*?)['’]s$/u;
const MAX_WORDS = 5;
const EMAIL_DOMAIN = /^@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/u;
// Titles before a person's name ("Dr. Osei", "Herr Brandt", "Sra. Ortega", "Smt. Iyer").
const TITLES = 'mr|mrs|ms|mx|miss|dr|dra|prof|professor|pastor|rev|reverend|father|rabbi|imam|whaea|sir|dame|herrn|herr|frau|mme|mlle|madame|monsieur|sr|sra|srta|señor|señora|sig|dott|ing|engr|shri|smt|sri|alhaji|alhaja|hajiya|hajia|haji|chief|pak|ibu|doña|dona|hacı|haci|aghaye|agha|mzee|sheikh|pani|anh|chị|cô|chú|bác|ông|bà';
// Honorifics written after a name: "Sharma ji", "Anand bhai", "Mehta uncle", "Ayşe Hanım", "Watanabe-san".
const POSTFIX_TITLES = 'ji|jee|bhai|bhaiya|uncle|aunty|auntie|didi|sir|madam|saab|sahib|bey|hanım|hanim|efendi';
const POSTFIX_TITLE = new RegExp(`^ (?:${POSTFIX_TITLES})(?![\\p{L}-])`, 'iu');
const HONORIFIC_LAST = new RegExp(`^(?:${POSTFIX_TITLES})$|\\p{L}-(?:san|sama|kun|chan|ji)$`, 'iu');
const TITLE = new RegExp(`^(?:${TITLES})$`, 'iu');
// Abbreviations whose dot belongs to the name ("Acme Inc.", "Dr. Osei", "S.A."), kept as written.
const ABBREVIATION = new RegExp(`^(?:inc|corp|co|ltd|ltda|bros|intl|pvt|pte|sdn|bhd|st|jr|şti|sti|nig|lda|${TITLES}|(?:\\p{L}\\.)+\\p{L})$`, 'iu');
// Legal forms that make the lower-case words before them a company name ("bright horizons ltd").
const LEGAL_FORM = /^(?:inc|corp|co|ltd|llc|llp|plc|gmbh|ag|kg|sa|sas|sarl|spa|srl|ltda|bv|nv|pty|pvt|pte|sdn|bhd|oy|ab|aps|kk|fze|fzco|fzc|mmc|şti|sti|og|ohg|ug|gbr)$/iu;
// Lower-case words inside a capitalised name ("Bank of Ireland", "Banco de Chile", "Maria van der Berg").
const CONNECTORS = 'of|de|du|des|del|della|di|da|la|le|van|von|der|den|y|e|i|am|im|zum|zur';
const CONNECTOR = new RegExp(`^(?:(?:${CONNECTORS}) )+(?=\\p{Lu})`, 'u');
const CONNECTOR_WORD = new RegExp(`^(?:${CONNECTORS})$`);
// A person's role at a company ("Jane, Acme's CTO").
const ROLE = /^\s+(?:new\s+)?(?:(?:marketing|sales|product|ops|operations|finance|design|engineering|it|hr|project|account|office|purchasing|procurement)\s+)?(?:\p{Lu}{2,4}|ceo|cto|cfo|coo|cmo|vp|head|founder|co-?founder|director|manager|lead|owner|buyer|admin|assistant|president|partner)\b/iu;
// A role at a company after a person: "Ana Lima, CTO of Vexa", "Ximena Ortega, head of ops at Pampa Verde".
/** "Linh's sister Thu", "Pieter's colleague Femke Visser": after a person's possessive, the relation, then the person reached. */
export const KIN = /^\s+(?:colleague|assistant|sister|brother|son|daughter|wife|husband|partner|dad|mum|mom|boss|deputy|2ic)\s+(?=\p{Lu})/iu;
// A job title after a person ("Henrike Baumann, Leitung Operations", "Head of Sales") is no company.
const JOB_TITLE = /^(?:(?:head|lead|leitung|chief|director|manager|vp|officer|executive|vice|president|assistant|coordinator|specialist|administrator|analyst|senior|junior|principal|of|and|&|de|des|du|der|für|operations|ops|sales|marketing|finance|procurement|purchasing|hr|product|engineering|design|accounts?|office|project|customer|success|support|business|development|gerente|gerencia|diretora?|directora?|responsable|einkauf|vertrieb|buchhaltung|geschäftsführer(?:in)?|geschäftsführung|compras|ventas|achats|directeur|directrice)(?:\s+|$))+$/iu;
const ROLE_AT =
  /^\s*,\s*(?:(?:the|our|their|his|her|new|a|an)\s+)?(?:[\p{Ll}-]{2,12}\s+)?(?:\p{Lu}{2,4}|ceo|cto|cfo|coo|cmo|cio|vp|svp|head|founder|co-?founder|director|manager|lead|owner|buyer|admin|assistant|president|partner|engineer|designer|developer|consultant|accountant|editor|producer|principal|officer|coordinator|specialist|analyst|contact|gm|md|pm)\b(?:[ \p{Ll}&-]{0,30}?\s(?:at|of|from|for|@)\s*|\s*,\s*)(?=[\p{Lu}\d])/u;
// A name in quotes is taken whole: "Blue Bottle Coffee".
const QUOTED = /^["“‘'«]([\p{L}\p{N}][^"“”‘’'«»\n]{0,58}?)["”’'»]/u;

// Whether the first letter is a capital ("Acme", "3M", "7-Eleven").
function isCapitalized(word: string): boolean {
  const c = /\p{L}/u.exec(word)?.[0] ?? '';
  return c !== c.toLowerCase() || /^\p{Lu}/u.test(c);
}

// A name may start with digits only when a capital follows ("3M", "7-Eleven"), not "3pm" or "5K".
function digitsStartName(word: string): boolean {
  return /^\d+-?\p{Lu}/u.test(word) && !/^\d+(?:am|pm|st|nd|rd|th|k|x|h|d|w)$/i.test(word);
}

// Legal forms that are also ordinary words in lower case ("Fjordbyte AS", "Volta SE", but "add Acme as ...").
const UPPER_LEGAL_FORM = /^(?:AS|ASA|SE|KG|KGaA|SpA|HOA|OG|OHG|UG|GbR|eG|SARL|SRL|BVBA|ApS|AB|Oy|SAS|EURL|CIC|DAC|CLG)$/;
// Multi-word legal forms written after a name ("Mazur Software sp. z o.o.", "Tatra s.r.o.").
const LEGAL_TAIL = /^(?: \(pty\) ltd\.?| (?:sp\. ?z ?o\.o\.|s\.r\.o\.|s\.a\.s\.|s\.p\.a\.|s\.a\.|s\.l\.|d\.o\.o\.|k\.k\.|a\.s\.)|, ?(?:ltd|limited)\.?)(?![\p{L}\p{N}])/iu;
// Country and region codes that end a company's name ("Kiwi Kitchens NZ", "Globex UK").
const REGION = /^(?:UK|US|USA|EU|NZ|AU|ANZ|UAE|APAC|EMEA|LATAM|DE|FR|ES|NL|IE|SG|HK|JP|BR|MX|ZA|NA|HQ)$/;

// Words after a number that make it a date or time, not part of a name ("on 5 Jan", "at 3 PM").
const DATE_OR_TIME = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a\.m\.|p\.m\.)$/i;

// A number, in digits or a capitalised word ("3", "Two"), alone or possessive ("9's").
const NUMBER = /^(?:\d{1,4}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Hundred)(?:['’]s)?$/u;

// A number belongs to a capitalised name when a capitalised word follows it ("3 Birds Coffee", "Two
// Dogs Design", "Infinity 9 Solutions") or it is the name's possessive ("Infinity 9's").
function numberInName(text: string, word: string, end: number): boolean {
  if (!NUMBER.test(word)) return false;
  if (/s$/.test(word)) return true;
  const next = /^ ([\p{L}][\p{L}.'’-]*)/u.exec(text.slice(end, end + 30))?.[1] ?? '';
  return /^\p{Lu}/u.test(next) && !DATE_OR_TIME.test(next) && !isStop(next);
}

function isSuffix(word: string): boolean {
  return COMPANY_SUFFIXES.has(word.toLowerCase().replace(/\./g, '')) || UPPER_LEGAL_FORM.test(word);
}

// Trade nouns match without accents ("Fotografía", "Librería").
function isTrade(word: string): boolean {
  return TRADE_NOUNS.has(foldName(word));
}

// A word in capitals is an acronym ("ICO", "ANA"), not a given name, whatever it spells.
function isGivenName(word: string): boolean {
  return !/^\p{Lu}{2,}$/u.test(word) && FIRST_NAMES.has(foldName(word));
}

function isStop(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/’/g, "'"));
}

// The word at `pos`, with the dot of an abbreviation; never the user part of an e-mail address
// (but "Jane@Acme", without a domain ending, is Jane at Acme).
function wordAt(text: string, pos: number): { word: string; end: number } | undefined {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  if (!m) return undefined;
  const end = pos + m[0].length;
  if (EMAIL_DOMAIN.test(text.slice(end, end + 100))) return undefined;
  // An initial before a capitalised word keeps its dot too ("D. Ignacio Llorente", "J. Smith").
  const initial = /^\p{Lu}$/u.test(m[0]) && /^\. \p{Lu}/u.test(text.slice(end, end + 3));
  return text[end] === '.' && (initial || ABBREVIATION.test(m[0])) ? { word: `${m[0]}.`, end: end + 1 } : { word: m[0], end };
}

// Whether a lower-case word may be part of a name under `lower`.
function lowerFits(word: string, lower: LowerNames, possessive: boolean): boolean {
  if (lower === 'never') return false;
  if (lower === 'any' || possessive) return true;
  return isGivenName(word) || !isEnglishWord(word);
}

// A name in quotes at `pos`, taken whole ("'Blue Bottle Coffee'").
function readQuoted(text: string, pos: number): Unit | undefined {
  const quoted = QUOTED.exec(text.slice(pos, pos + 64));
  const name = quoted?.[1]?.trim();
  if (!quoted || !name || name.split(' ').length > MAX_WORDS) return undefined;
  return { name, start: pos + 1, end: pos + quoted[0].length, possessive: false, capitalized: isCapitalized(name) };
}

// Where the next word of a name starts after the one ending at `pos`: past a single space, and past
// " & " or a connector inside a capitalised name; undefined when the name cannot go on.
function nextWordAt(text: string, pos: number, words: string[], capitalized: boolean, lower: LowerNames): number | undefined {
  if (text[pos] !== ' ') return undefined;
  let q = pos + 1;
  if (text[q] === '&' && text[q + 1] === ' ' && (capitalized || lower !== 'never')) {
    // "Priya & Raj" are two people, "Procter & Gamble" one company, and so is "K.V. Rao & Co".
    const after = /^[\p{L}.]+/u.exec(text.slice(q + 2, q + 30))?.[0] ?? '';
    const linked = /^[\p{L}.]+ (?:from|at|of|@)/u.test(text.slice(q + 2, q + 40));
    if (isPersonName(words.join(' ')) && (isGivenName(after) || linked)) return undefined;
    q += 2;
  }
  // "Pen and Paper Studio", "bread and butter catering": "and" is inside a name that goes on to a trade
  // noun or suffix ("Priya and Raj", "Acme and Globex" stay two names).
  // "Adebayo and Sons": after a person's name only a family word makes it a business.
  if (andInName(text, q, capitalized) && (!isPersonName(words.join(' ')) || FAMILY_FIRM.test(text.slice(q + 4, q + 30)))) return q + 4;
  // "Jane of Acme" is a person at a company and "CEO of Acme" a title, but "Bank of Ireland" one name.
  const connector = capitalized && !/^\p{Lu}+$/u.test(words[0] ?? '') ? CONNECTOR.exec(text.slice(q, q + 12)) : null;
  if (connector && !(/\bof\b/.test(connector[0]) && isPersonName(words.join(' ')))) q += connector[0].length;
  return q;
}

const FAMILY_FIRM = /^(?:sons|son|daughters|brothers|bros|sisters|partners|associates|co|company|family)\b/i;

// Whether the word after `pos` is a capitalised trade noun.
function tradeNounNext(text: string, pos: number): boolean {
  const next = /^ (\p{Lu}[\p{L}]*)/u.exec(text.slice(pos, pos + 30))?.[1] ?? '';
  return isTrade(next);
}

function acronymLike(word: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(word);
}

// Whether "and" at `pos` joins words of one name: one to three more words of the same case follow and
// the last is a trade noun or a company suffix.
function andInName(text: string, pos: number, capitalized: boolean): boolean {
  if (!text.startsWith('and ', pos)) return false;
  for (const raw of text.slice(pos + 4, pos + 64).split(' ').slice(0, 3)) {
    // "Pen and Paper Studio's phone": the name may end in a possessive or punctuation.
    const word = raw.replace(/(?:['’]s?)?[,.;:!?)]*$/u, '');
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(word) || isCapitalized(word) !== capitalized) return false;
    if (isTrade(word) || isSuffix(word)) return true;
  }
  return false;
}

// A capitalised part of the day before another capitalised word starts a name ("Night Owl Labs",
// "Morning Glory Cafe"); as a time it is written "tonight", "in the morning", "Monday night".
const NAME_TIME_WORD = /^(?:Morning|Afternoon|Evening|Night|Midnight|Noon)$/;
// A weekday starts a name only before two more capitalised words ("Sunday Social Club", not "Friday Acme call").
const NAME_WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
// Months that are also given names start a name the same way ("Jan Novak", "April Ludgate").
const NAME_MONTH = /^(?:Jan|April|May|June|August)$/;
function timeWordStartsName(text: string, word: string, end: number): boolean {
  if (NAME_WEEKDAY.test(word)) return /^ \p{Lu}[\p{L}'’-]* \p{Lu}/u.test(text.slice(end, end + 60)) && capitalizedWordNext(text, end);
  return (NAME_TIME_WORD.test(word) || NAME_MONTH.test(word)) && capitalizedWordNext(text, end);
}

const FOREIGN_CONNECTOR_BEFORE = /\b(?:am|im|zum|zur|de|du|des|del|della|di|da|la|le|van|von|der|den|y|e) $/;

// Whether a legal form follows `end`: the next word ("Ltd", "GmbH") or a dotted one ("sp. z o.o.").
function legalFormNext(text: string, end: number): boolean {
  const next = /^ ([\p{L}.]+)/u.exec(text.slice(end, end + 20))?.[1] ?? '';
  return LEGAL_FORM.test(next.replace(/\./g, '')) || LEGAL_TAIL.test(text.slice(end, end + 14));
}

// Whether a capitalised word that is no stop word follows `end`.
function capitalizedWordNext(text: string, end: number): boolean {
  const next = /^ (\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 40))?.[1];
  return next !== undefined && !isStop(next.replace(/['’]s$/, ''));
}

// Reads one name ("Dunder Mifflin", "Umbrella Corp", "acme") starting at `pos`, skipping an article.
function readUnit(text: string, pos: number, lower: LowerNames): Unit | undefined {
  let p = pos;
  while (text[p] === ' ') p++;
  const article = /^the\s+/i.exec(text.slice(p, p + 4));
  const articleAt = p;
  if (article) p += article[0].length;
  const quoted = readQuoted(text, p);
  if (quoted) return quoted;
  const unit = readWords(text, p, lower);
  // A capitalised "The" is part of a business's name ("emailed The Green Pantry"); at the start of a
  // sentence only before a name of several words ("The Green Pantry paid", but "The Acme deal is won").
  if (unit && article?.[0].startsWith('The') && unit.capitalized) {
    const sentenceStart = /(?:^|[.!?:]\s*)$/.test(text.slice(0, articleAt).trimEnd());
    if (!sentenceStart || unit.name.includes(' ')) return { ...unit, name: text.slice(articleAt, unit.start + unit.name.length), start: articleAt };
  }
  return unit;
}

// The words of one name starting at `pos` (after any article).
function readWords(text: string, p: number, lower: LowerNames): Unit | undefined {
  const start = p;
  const words: string[] = [];
  let end = p;
  let nameEnd = p;
  let possessive = false;
  let capitalized = false;
  while (words.length < MAX_WORDS) {
    const q = words.length === 0 ? end : nextWordAt(text, end, words, capitalized, lower);
    if (q === undefined) break;
    const w = wordAt(text, q);
    if (!w) break;
    const poss = POSSESSIVE.exec(w.word);
    const bare = poss ? (poss[1] ?? '') : w.word;
    const number = numberInName(text, w.word, w.end);
    if (words.length === 0) {
      if (!number && ((/^\d/.test(bare) && !digitsStartName(bare)) || (isStop(bare) && !timeWordStartsName(text, bare, w.end)))) return undefined;
      // A title in lower case before a capitalised name ("chị Lan", "pani Ewa") starts that name.
      capitalized = isCapitalized(bare) || number || (TITLE.test(bare.replace(/\.$/, '')) && /^ \p{Lu}/u.test(text.slice(w.end, w.end + 2)));
      // An ordinary word may still start a lower-case company name ending in a suffix ("umbrella corp").
      if (!capitalized && !lowerFits(bare, lower, Boolean(poss)) && !suffixFollows(text, w.end, lower)) return undefined;
    } else {
      // Words of a capitalised name are capitalised; a lower-case name stays lower-case ("dunder mifflin").
      // An acronym after a capitalised name is a product or topic ("Acme VAT", "Globex SSO"), not part of it.
      const acronym = acronymLike(bare) && !/^\p{Lu}+$/u.test(words[0] ?? '') && !REGION.test(bare);
      // A trade noun goes on a name of its case even when it is an ordinary or stop word ("3 Birds Coffee",
      // "lee-hartmann architects"), though not in a message read without lower-case names.
      const trade = isCapitalized(bare) === capitalized && (capitalized || lower !== 'never') && isTrade(bare);
      // A capitalised ordinary word before a capitalised trade noun is part of the name ("Golden Hour Florals").
      const beforeTrade = capitalized && isCapitalized(bare) && !acronymLike(bare) && tradeNounNext(text, w.end);
      // "&" binds the word after it into a name, ordinary word or not ("wattle & gum").
      const afterAmpersand = text.slice(q - 2, q) === '& ';
      // A capitalised month or part of the day between capitalised words ("Verde Mar Pousada", "Casa Noche Azul").
      const dateWordInside = capitalized && isCapitalized(bare) && (DATE_OR_TIME.test(bare) || NAME_TIME_WORD.test(bare)) && capitalizedWordNext(text, w.end);
      // A capitalised ordinary word after a foreign connector or before a legal form is part of the name
      // ("Café am See", "Wisła Data sp. z o.o.", "Acme Data Ltd").
      const boundInside = capitalized && isCapitalized(bare) && (FOREIGN_CONNECTOR_BEFORE.test(text.slice(Math.max(0, q - 6), q)) || legalFormNext(text, w.end));
      const fits = isSuffix(bare) || trade || beforeTrade || dateWordInside || boundInside || (!acronym && isCapitalized(bare) === capitalized && !isStop(bare) &&
        (capitalized || afterAmpersand || lowerFits(bare, lower, Boolean(poss)) || suffixFollows(text, w.end, lower)));
      // A legal form ends a name; only another one or a region code may follow ("Pty Ltd", "Acme Ltd UK"),
      // so "mark cole media llc churned" stops at "llc".
      const afterLegal = words.length > 1 && LEGAL_FORM.test((words[words.length - 1] ?? '').replace(/\./g, ''));
      if (afterLegal && !LEGAL_FORM.test(bare.replace(/\./g, '')) && !REGION.test(bare) && !trade) break;
      // A form code after a name is the document, not part of it ("the Pixelmint W-9").
      if (number ? !capitalized : !fits || /^\d/.test(bare) || FORM_CODE.test(bare)) break;
    }
    words.push(bare);
    end = w.end;
    nameEnd = poss ? w.end - 2 : w.end;
    // A possessive ends the name: "Acme's phone", "Cliffside Hotels' email".
    const plural = !poss && /s$/i.test(bare) && /^['’](?=\s|$)/.test(text.slice(w.end, w.end + 2));
    if (poss || plural) {
      possessive = true;
      if (plural) end++;
      break;
    }
  }
  // A number alone is an amount or a count, never a name.
  if (words.every((w) => NUMBER.test(w))) return undefined;
  const tail = possessive ? null : LEGAL_TAIL.exec(text.slice(end, end + 14));
  if (tail) end = nameEnd = end + tail[0].length;
  const honorific = possessive || !capitalized ? null : POSTFIX_TITLE.exec(text.slice(end, end + 12));
  if (honorific) {
    end = nameEnd = end + honorific[0].length;
    if (/^['’]s(?![\p{L}])/u.test(text.slice(end, end + 3))) {
      possessive = true;
      end += 2;
    }
  }
  return { name: text.slice(start, nameEnd), start, end, possessive, capitalized };
}

// Whether a company suffix or trade noun follows `pos` within the next three words that are not stop
// words ("bright horizons ltd", "blue fern studio").
function suffixFollows(text: string, pos: number, lower: LowerNames): boolean {
  if (lower === 'never') return false;
  const next = /^ ([\p{L}.]+)(?: ([\p{L}.]+))?(?: ([\p{L}.]+))?/u.exec(text.slice(pos, pos + 60));
  if (!next) return false;
  if (isSuffix(next[1] ?? '') || isTrade(next[1] ?? '')) return true;
  for (const word of next.slice(1)) {
    if (!word || isStop(word) || /^\p{Lu}/u.test(word)) return false;
    if (LEGAL_FORM.test(word.replace(/\./g, '')) || isSuffix(word) || isTrade(word)) return true;
  }
  return false;
}

/** True when a name ends in a company suffix ("Umbrella Corp", "Zorg GmbH"). */
export function hasCompanySuffix(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length > 1 && isSuffix(words[words.length - 1] ?? '');
}

// The words of a name that count, without lower-case connectors ("Maria van der Berg" has two).
function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((w) => w !== '' && !CONNECTOR_WORD.test(w));
}

/** True when a name of several words ends in a trade noun ("Ganesh Traders", "Mia Chen Photography"). */
function endsInTradeNoun(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length > 1 && isTrade(words[words.length - 1] ?? '');
}

/** True for names that read as a business: a company suffix or a trade noun at the end. */
function looksLikeCompany(name: string): boolean {
  return hasCompanySuffix(name) || endsInTradeNoun(name);
}

/** True for names that read as a person: a known given name first and no company suffix ("Jane Doe"). */
export function isPersonName(name: string): boolean {
  const words = nameWords(name);
  const first = (words[0] ?? '').replace(/\.$/, '');
  // A title may come before three more words ("Sr. Álvaro Ruiz de la Fuente").
  const most = TITLE.test(first) ? 4 : 3;
  if (words.length === 0 || words.length > most || words.some(isSuffix) || endsInTradeNoun(name) || name.includes('&') || JOB_TITLE.test(name)) return false;
  if (isGivenName(first) || TITLE.test(first) || HONORIFIC_LAST.test(words[words.length - 1] ?? '')) return true;
  if (/^\p{Lu}\.$/u.test(words[0] ?? '') && words.length > 1) return true;
  // Family name first ("Takahashi Yuki", "Tan Wei Ming"): a known family name, then given names.
  if (words.length >= 2 && isSurname(first) && !isEnglishWord(first.toLowerCase()) && words.slice(1).every(isGivenName)) return true;
  // "Harpreet Kaur", "Zdenka Horáková": an unknown given name before a family name, neither an English
  // word nor a trade ("Kanzlei Brandt" is a law firm).
  const last = words[words.length - 1] ?? '';
  return words.length >= 2 && isSurname(last) && !isEnglishWord(last.toLowerCase()) && !isEnglishWord(first.toLowerCase()) && !isTrade(first);
}

// "the Kowalczyks", "the Okonkwos'": a family, named by its plural family name after a lower-case "the".
function isFamily(text: string, u: Unit): boolean {
  const stem = /^(\p{Lu}[\p{Ll}\p{Lu}'’]+?)(?:e?s)$/u.exec(u.name)?.[1];
  if (stem === undefined) return false;
  // "Nguyens' new email": a plural possessive needs no "the".
  const plural = /^['’]/.test(text.slice(u.end - 1, u.end)) || /^['’](?!s)/.test(text.slice(u.end, u.end + 2));
  if (isEnglishWord(stem.toLowerCase()) || isEnglishWord(u.name.toLowerCase())) return false;
  // "Abernathys phone:": the plural of a known family name needs no "the" either.
  if (!plural && text.slice(Math.max(0, u.start - 4), u.start) !== 'the ') return isSurname(stem) && !isGivenName(stem);
  // A known family name, or one no noun follows ("the Kowalczyks, …", "the Haddads in 2 weeks"; "the Orbis
  // renewal" is a company's).
  const next = /^\s+([\p{L}'’]+)/u.exec(text.slice(u.end, u.end + 30))?.[1];
  return isSurname(stem) || /^(?:\s*$|[,.;:!?'’—–-]| [(—–-])/.test(text.slice(u.end, u.end + 30)) || (next !== undefined && /^(?:at|in|on|for|to|re|about|back|again|today|tonight|tomorrow|yesterday|this|last|next|now|and|with|from|are|were|have|had|want|wants|said|says|need|needs|will|by|as|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/i.test(next));
}

// Whether a name of several words ends in a family or given name ("… Okafor"), as "Garuda Scaffolding" does not.
function endsAsPerson(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? '';
  return words.length === 1 || isGivenName(last) || isSurname(last) || HONORIFIC_LAST.test(last);
}

// Whether a name opens with a known given name, a title or an initial ("Jane …", "Dr. …", "J. …").
function startsAsPerson(name: string): boolean {
  const first = nameWords(name)[0] ?? '';
  return isGivenName(first.replace(/\.$/, '')) || TITLE.test(first.replace(/\.$/, '')) || /^\p{Lu}\.$/u.test(first);
}

// "gym owner DeShawn texted", "wholesale buyer Priscilla Amadi": a person's role just before the name.
const ROLE_JUST_BEFORE = /(?:^|\s)(?:owner|buyer|manager|director|founder|co-?founder|ceo|cto|cfo|coo|cmo|principal|bursar|bookkeeper|accountant|architect|receptionist|chef|landlord|tenant)\s+$/i;

// "Sam & Georgie": two given names joined by "&" are a couple, not a business.
function isCouple(name: string): boolean {
  const pair = /^(\S+) [&+] (\S+)$/u.exec(name);
  return pair !== null && isGivenName(pair[1] ?? '') && isGivenName(pair[2] ?? '');
}

function single(u: Unit, text = ''): NameMatch {
  // "the Yılmaz family": a household named by its family name.
  const family = u.capitalized && !u.name.includes(' ') && /^the\s$/i.test(text.slice(Math.max(0, u.start - 4), u.start)) ? /^ family\b/i.exec(text.slice(u.end, u.end + 8)) : null;
  if (family) return { contact: text.slice(u.start, u.end + family[0].length), start: u.start, end: u.end + family[0].length };
  const roleBefore = ROLE_JUST_BEFORE.test(text.slice(Math.max(0, u.start - 20), u.start)) && !looksLikeCompany(u.name) && nameWords(u.name).length <= 3;
  const ref: NameRef = isPersonName(u.name) || isFamily(text, u) || roleBefore || isCouple(u.name) ? { contact: u.name } : { customer: u.name };
  return { ...ref, start: u.start, end: u.end };
}

// "AJ's Auto Body", "Rosa's Flower Shop": an owner's possessive starts a business's name when capitalised
// words with a trade noun follow it; the 's is part of the name.
function possessiveBusiness(text: string, u1: Unit): NameMatch | undefined {
  if (!u1.capitalized || !/^['’]s /u.test(text.slice(u1.end - 2, u1.end + 1))) return undefined;
  const rest = readUnit(text, u1.end, 'never');
  if (!rest || !rest.capitalized || rest.start !== u1.end + 1 || isPersonName(rest.name)) return undefined;
  // "Rosie's Nook", "Rosa's Taqueria": after a lone given name, capitalised words name the owner's business.
  const ownersBusiness = !u1.name.includes(' ') && isGivenName(u1.name) && !acronymLike(rest.name);
  if (!ownersBusiness && !rest.name.split(' ').some((w) => isTrade(w) || isSuffix(w))) return undefined;
  return { customer: text.slice(u1.start, rest.start + rest.name.length), start: u1.start, end: rest.end };
}

/**
 * Reads a name at `pos`: "Jane at Acme", "Bob from Globex", "Jane @ Acme", "Carol (Massive Dynamic)",
 * "Jane, Acme", "Jane - Acme", "Acme's", or one name. A lone person's name is a contact, anything else a customer.
 * `lower` says which lower-case words may form a name (messages typed without capitals).
 */
export function readNameAt(text: string, pos: number, lower: LowerNames = 'unfamiliar'): NameMatch | undefined {
  const u1 = readUnit(text, pos, lower);
  if (!u1) return undefined;
  if (u1.possessive) {
    const business = possessiveBusiness(text, u1);
    if (business) return business;
    // "Acme's Jane": a company's person; "Driftwood's owner Meredith", "Northgate Academy's bursar, Mrs Okafor".
    // "Linh's sister Thu", "Pieter's colleague Femke Visser": the person spoken to is the second one.
    const kin = isPersonName(u1.name) ? KIN.exec(text.slice(u1.end, u1.end + 30)) : null;
    const other = kin ? readUnit(text, u1.end + kin[0].length, 'never') : undefined;
    if (other && !looksLikeCompany(other.name)) return { contact: other.name, start: u1.start, end: other.end };
    // "Northstar Collective's ED, Jordan Ellis": a role in capitals, then the person's whole name.
    const acronym = isPersonName(u1.name) ? null : /^\s+\p{Lu}{2,4},?\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll})/u.exec(text.slice(u1.end, u1.end + 60));
    const role = acronym ?? (isPersonName(u1.name) ? null : /^\s+(?:[\p{Ll}\d-]+(?:\s+|,\s*)){1,3}?(?=\p{Lu})/u.exec(text.slice(u1.end, u1.end + 60)));
    const person = isPersonName(u1.name) ? undefined : readUnit(text, u1.end + (role?.[0].length ?? 0), role ? 'never' : lower);
    if (person && (isPersonName(person.name) || (role && !looksLikeCompany(person.name) && nameWords(person.name).length <= 3))) {
      return { contact: person.name, customer: u1.name, start: u1.start, end: person.end };
    }
    return single(u1, text);
  }
  const rest = text.slice(u1.end, u1.end + 40);
  const personLike = (nameWords(u1.name).length <= 3 || isPersonName(u1.name)) && !nameWords(u1.name).some(isSuffix);
  // "Ana and Luis from X": the first person is the contact (the second is one too, being "from X").
  const also = /^\s+(?:and|&|\+)\s+/i.exec(rest);
  const second = also && (isPersonName(u1.name) || (u1.capitalized && !u1.name.includes(' ') && !looksLikeCompany(u1.name))) ? readUnit(text, u1.end + also[0].length, lower) : undefined;
  if (second) {
    const linked = readNameAt(text, second.start, lower);
    // "Olu and Tamsin from Ferrous": one word before a person who is "from X" is a person too.
    if (linked?.customer && linked.contact && (isPersonName(u1.name) || isPersonName(linked.contact))) return { contact: u1.name, customer: linked.customer, start: u1.start, end: linked.end };
    // "Tom and Priya paid", "Mr and Mrs Trần": two people named alone are one party, a couple or a family.
    const first = !u1.name.includes(' ') && (isGivenName(u1.name) || TITLE.test(u1.name.replace(/\.$/, '')));
    if (first && linked?.contact && !linked.customer && isPersonName(linked.contact) && !u1.possessive) {
      return { contact: text.slice(u1.start, linked.end), start: u1.start, end: linked.end };
    }
  }
  // "Jane at Acme", "Jane @ Acme", "Jane @Acme", "Anil sir from Bharat Castings".
  const link = /^(?:\s+(?:sir|ji|madam|ma'am|san))?(?:\s*@\s*|\s+(?:at|from|of)\s+)/i.exec(rest);
  if (link && personLike) {
    // After "at"/"from" a company is expected, so ordinary words count ("from massive dynamic").
    const u2 = readUnit(text, u1.end + link[0].length, lower === 'never' ? 'never' : 'any');
    // A company is expected there: a family name alone does not make it a person ("from Fratelli Conti").
    // "at the market stall" is a place: lower-case words after an article name no company.
    const place = u2 !== undefined && !u2.capitalized && /^the\s/i.test(text.slice(u1.end + link[0].length, u1.end + link[0].length + 4));
    if (u2 && !place && (!isPersonName(u2.name) || !startsAsPerson(u2.name) || !endsAsPerson(u2.name))) {
      return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
    }
  }
  const paren = /^\s*\(\s*/.exec(rest);
  if (paren) {
    // "Siosaia Tupou (owner, Tupou Electrical)": the person's role, then their company.
    const role = /^(?:owner|founder|co-?founder|ceo|cto|cfo|coo|manager|director|\p{Lu}{2,4})\s*,\s*/u.exec(text.slice(u1.end + paren[0].length));
    if (role && !looksLikeCompany(u1.name)) {
      const company = readUnit(text, u1.end + paren[0].length + role[0].length, 'never');
      const shut = company ? /^\s*\)/.exec(text.slice(company.end)) : null;
      if (company && shut) return { contact: u1.name, customer: company.name, start: u1.start, end: company.end + shut[0].length };
    }
    const u2 = readUnit(text, u1.end + paren[0].length, lower === 'never' ? 'never' : 'any');
    // "(Acme)", "(Acme CTO)" with the person's role after the company, "(Ben Tran, site super)".
    const close = u2 ? /^(?:\s+(?:\p{Lu}{2,4}|ceo|cto|cfo|coo|founder|owner|manager|buyer|director)|,\s*[\p{Ll}\d .-]{1,30}|,\s*\p{Lu}[\p{L} .-]{1,25})?\s*\)/u.exec(text.slice(u2.end)) : null;
    if (u2 && close) {
      const end = u2.end + close[0].length;
      if (isPersonName(u2.name) && !isPersonName(u1.name)) return { contact: u2.name, customer: u1.name, start: u1.start, end };
      // "Kraftwerk Labs (Berlin)": what follows a company in brackets is no company of its own, and
      // lower-case words after a capitalised name describe it ("Carmen Ruiz (freelance brand strategist)").
      if (looksLikeCompany(u1.name) || (u1.capitalized && !u2.capitalized)) return { ...single(u1, text), end };
      // "Ironbark Civil (Brisbane)": after a name of several words that is no person's, one word in brackets is a place.
      if (u1.name.includes(' ') && !isPersonName(u1.name) && !looksLikeCompany(u2.name) && !u2.name.includes(' ')) return { ...single(u1, text), end };
      return { contact: u1.name, customer: u2.name, start: u1.start, end };
    }
  }
  const roleAt = personLike && !looksLikeCompany(u1.name) ? ROLE_AT.exec(rest) : null;
  if (roleAt) {
    const u2 = readUnit(text, u1.end + roleAt[0].length, 'never');
    if (u2 && !isPersonName(u2.name)) return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
  }
  // "Thistle & Crown / Edmund Hale": a customer and the person there.
  const slash = /^\s*\/\s*/.exec(rest);
  if (slash && !isPersonName(u1.name)) {
    const u2 = readUnit(text, u1.end + slash[0].length, 'never');
    if (u2 && !looksLikeCompany(u2.name) && (isPersonName(u2.name) || looksLikeCompany(u1.name) || nameWords(u2.name).length >= 2)) return { contact: u2.name, customer: u1.name, start: u1.start, end: u2.end };
  }
  // "Meera Pillai / Bodhi Health": the person first, then the business.
  if (slash && isPersonName(u1.name)) {
    const u2 = readUnit(text, u1.end + slash[0].length, 'never');
    if (u2 && !isPersonName(u2.name) && (looksLikeCompany(u2.name) || nameWords(u2.name).length >= 2)) return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
  }
  // "Jane, Acme" and "Jane - Acme" when the company ends the clause; "Jane, Acme's CTO".
  const comma = /^(?:\s*,|\s+[-–—])\s*/.exec(rest);
  // After a dash, a name that reads as a business pairs with any one-word name before it, known
  // given name or not ("Søren - Ångström Labs", "Bea - Studio 54 Yoga"); it may go on into the clause.
  const dash = comma !== null && !comma[0].includes(',') && nameWords(u1.name).length === 1 && !looksLikeCompany(u1.name);
  if (comma) {
    const next = readUnit(text, u1.end + comma[0].length, 'never');
    // "Marco Russo — Russo's Deli": the owner's business after the person.
    const owned = next?.possessive ? possessiveBusiness(text, next) : undefined;
    const u2 = owned?.customer ? { ...next!, name: owned.customer, end: owned.end, possessive: false } : next;
    const after = u2 ? text.slice(u2.end) : '';
    // "Shirin, Avesta Rugs' buyer": a role at a company makes the one before it a person, known name or not.
    const role = u2?.possessive && personLike && !looksLikeCompany(u1.name) ? ROLE.exec(after) : null;
    if (u2 && role && !isPersonName(u2.name)) return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end + role[0].length };
    const ends = !u2?.possessive && /^(?:\s*$|\s*[,.;:!?)]|\s+[-–—]|\s+(?:about|re|regarding)\s)/i.test(after);
    // "Rangi Te Whata, Te Whata Whānau Trust": a business after a name of two or three words that reads as no business.
    const pairable = isPersonName(u1.name) || dash || (u2 !== undefined && looksLikeCompany(u2.name) && nameWords(u1.name).length >= 2 && !looksLikeCompany(u1.name));
    if (u2 && pairable && !isPersonName(u2.name) && !JOB_TITLE.test(u2.name) && (ends || (dash && looksLikeCompany(u2.name)))) {
      return { contact: u1.name, customer: u2.name, start: u1.start, end: u2.end };
    }
  }
  return single(u1, text);
}

/** Reads a whole span captured by a pattern ("Jane at Acme's", "the Acme") as a name. */
export function parseNameSpan(span: string, lower: LowerNames = 'unfamiliar'): NameRef {
  // A quoted name is read whole; stray quotes and trailing punctuation go. A final dot stays: the
  // name reader keeps it only after an abbreviation ("Acme Corp.").
  const cleaned = span.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«»,;:!?]+$/gu, '');
  const m = readNameAt(span.trim(), 0, lower) ?? readNameAt(cleaned, 0, lower);
  if (!m) return {};
  const ref: NameRef = {};
  if (m.contact !== undefined) ref.contact = m.contact;
  if (m.customer !== undefined) ref.customer = m.customer;
  return ref;
}

/** A match that names a thing, not someone: "the AWS bill", "the W-9". */
export function namesAThing(text: string, m: NameMatch): boolean {
  return isThingAcronym(text, m) || isFormCode(m);
}

// "the VAT return", "the AWS bill": an acronym between an article and a noun names a thing, not a
// customer ("the IBM proposal" and "the FBI team" still name one: those nouns are stop words).
function isThingAcronym(text: string, m: NameMatch): boolean {
  const name = m.customer ?? '';
  if (m.contact || !/^\p{Lu}{2,5}$/u.test(name)) return false;
  const before = /\b(?:the|an?|our|my|your|their)\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start));
  const noun = /^\s+([\p{Ll}][\p{L}-]*)/u.exec(text.slice(m.end));
  // "renew the AMC for Kaveri Health": the acronym's owner follows it.
  const owner = /^\s+(?:for|of)\s+\p{Lu}/u.test(text.slice(m.end, m.end + 8));
  return before && ((noun !== null && !isStop(noun[1] ?? '')) || owner);
}

const FORM_CODE = /^\p{Lu}{1,3}-\d+\p{Lu}*s?$/u;

/** "the W-9", "an I-9", "W-8BEN": a lone form code (capitals, hyphen, digits) names a document, not a customer. */
function isFormCode(m: NameMatch): boolean {
  return !m.contact && FORM_CODE.test(m.customer ?? '');
}

/** The first capitalised name anywhere in `text` at or after `from` (a fallback when no pattern applies). */
export function findCapitalizedName(text: string, from = 0): NameMatch | undefined {
  // A name may start with a number when capitalised words follow ("done: 3 Birds Coffee cards").
  const re = /(?<![\p{L}\p{N}'’@.-])\p{Lu}|(?<![\p{L}\p{N}'’@.\/:,$€£₹-])\d/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = readNameAt(text, m.index, 'never');
    if (found && !namesAThing(text, found)) return found;
  }
  return undefined;
}
