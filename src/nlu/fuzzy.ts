import { createRequire } from 'node:module';
import { FIRST_NAMES } from './lexicon/first-names.ts';
import { STOP_WORDS } from './lexicon/words.ts';

// natural's subpath, not the package root: the root loads database drivers and dotenv.
const require = createRequire(import.meta.url);
const { JaroWinklerDistance } = require('natural/lib/natural/distance/index.js') as {
  JaroWinklerDistance: (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
};

/** Words the intent rules key on; a misspelling close to one of them is read as that word. */
const KEYWORDS = `
called emailed messaged texted pinged phoned meeting remind reminder summary summarize pipeline customer
customers client clients list snooze postpone survey export segments undo help follow renewed purchased
bought invoice payment proposal negotiation qualified deal ticket resolved closed reports forget erase delete
lifetime churn tomorrow monday tuesday wednesday thursday friday saturday sunday next week month today
schedule scheduled merge invite timezone complete completed finished update contact phone email
`.split(/\s+/).filter(Boolean);

// Misspellings too short for a similarity threshold to catch safely.
const ALIASES: Readonly<Record<string, string>> = {
  deel: 'deal', lsit: 'list', calld: 'called', cald: 'called', emaild: 'emailed', rmind: 'remind',
  remnd: 'remind', rmd: 'remind', abt: 'about', sumary: 'summary', summry: 'summary', tmrw: 'tomorrow', tmr: 'tomorrow',
  custmer: 'customer', customr: 'customer', cust: 'customer', renewd: 'renewed', snoze: 'snooze',
  piepline: 'pipeline', pipline: 'pipeline', custs: 'customers', custies: 'customers', segmnets: 'segments', wks: 'weeks', weds: 'wednesday', thurs: 'thursday', tues: 'tuesday', hlep: 'help',
  folow: 'follow', fllow: 'follow',
};

// "w" for "with" ("call w Acme", "done w the quote"); only a lone "w" before another word, not "w/".
const WITH = /(?<![\p{L}\p{N}'/])w(?= \S)/gu;
// "r" and "u" for "are" and "you" ("who r my customers"), standing alone, not in "s.r.o." or "R. Okwu".
const ARE_YOU = /(?<![\p{L}\p{N}'./])[ru](?![\p{L}\p{N}'./])/gu;

// Real words one edit away from a keyword, which must not be "corrected".
const REAL_WORDS = `
close closes closing resolve resolves resolving churned churning churns segment segmented segmentation
purchase purchases exports exported exporting exporter mondays tuesdays wednesdays thursdays fridays saturdays
sundays weekly monthly summaries invoices invoiced invoicing payments proposals deals tickets deleted deletes
erased completes finishes updates updated contacts contacted contacting phones emailing calling messages
messaging texting pinging meetings schedules merged merges invites invited inviting reporting reporter
customs listed listing lists surveys surveyed follows followed following helps helped helper helpful
renews renewal renewals buying delete deleting clients emails phoned`.split(/\s+/).filter(Boolean);

const KNOWN = new Set<string>([...KEYWORDS, ...REAL_WORDS, ...STOP_WORDS, ...FIRST_NAMES]);
const THRESHOLD = 0.92;
const MAX_WORDS = 60;

function correctWord(word: string): string {
  const lower = word.toLowerCase();
  const alias = ALIASES[lower];
  if (alias) return alias;
  if (lower.length < 5 || KNOWN.has(lower) || word !== lower) return word;
  let best = word;
  let bestScore = THRESHOLD;
  for (const k of KEYWORDS) {
    if (k[0] !== lower[0] || Math.abs(k.length - lower.length) > 2) continue;
    const score = JaroWinklerDistance(lower, k, { ignoreCase: true });
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/** A message with its misspelt command words corrected, and a way back to the words as written. */
export interface Corrected {
  text: string;
  /** `value` (a slot read from `text`) with every corrected word put back as the operator wrote it. */
  asWritten(value: string): string;
}

/**
 * Rewrites misspelt command words ("remnd", "piepline", "customr") to the words the rules know,
 * using Jaro-Winkler similarity. Only lower-case words are touched, so capitalised names stay as
 * written; long messages are left alone past their first words.
 */
export function correctKeywords(text: string): Corrected {
  let count = 0;
  const changes: (readonly [string, string])[] = [];
  const fix = (word: string, to: string): string => {
    if (to !== word) changes.push([word, to]);
    return to;
  };
  const corrected = text
    .replace(/[\p{L}]+/gu, (word) => (++count > MAX_WORDS ? word : fix(word, correctWord(word))))
    .replace(WITH, (w) => fix(w, 'with'))
    .replace(ARE_YOU, (w) => fix(w, w === 'r' ? 'are' : 'you'));
  return {
    text: corrected,
    asWritten(value) {
      // Notes are stored as written (LABELING.md), so a typo the rules read past stays in them.
      let out = value;
      for (const [from, to] of changes) out = out.replace(new RegExp(`(?<![\\p{L}])${to}(?![\\p{L}])`, 'u'), from);
      return out;
    },
  };
}