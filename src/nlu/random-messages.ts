import type { ParseContext } from '../core/parser.ts';

export { seededRandom } from '../core/random.ts';

const WORDS = (
  'called met emailed remind me to follow up with at from on next Friday tomorrow eod in 2 wks ' +
  'paid $1,200 3k € 1.200,50 £ ¥ for the deal won lost pipeline? nps survey send tag as enterprise ' +
  "Acme Globex Jane Bob (Massive Dynamic) Jane@acme.io +1 555 0100 done snooze undo help export forget Acme's " +
  'reports broken close ticket new customer contact 9/10 probably a six , : ; - — > Fwd: ✅ 🎉 🙏 \u0000 \u202E'
).split(' ');
// Pieces of names, addresses and clauses that rules read around; repeated, they are the inputs on
// which a regular expression that backtracks badly would take seconds.
const PATTERN_PIECES = [
  'a@b.co', '+1 415 555 0100', ',', ', ', 'Jane', 'Doe', '&', '->', 'the', 'The', 'Dr.', 'Sra.', '(', ')', 'CEO', 'at', 'from',
  "'s", 'Acme', 'Ltd', 'Co', 'Inc.', '.', ':', '—', 'called', 'paid', '3k', 'rs 1', 'fu', 'send quote', 'monday', 'is at risk',
  'deal', 'tag:', 'x', '11', 'de', 'J.', 'talked to', '<j@x.io>', 'tel:', 'r', '!!', '?', 'the Okonkwos', '(Pty)',
];
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Not/AZone', ''];
const LONG_CHARS = 100 * 1024;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function codePoints(rand: () => number, n: number, max: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const cp = Math.floor(rand() * max);
    // Lone surrogates are kept on purpose: chat platforms do deliver broken UTF-16.
    s += cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return s;
}

/**
 * A random message: printable ASCII, any Unicode, control characters, shuffled command words, a few
 * name and address pieces repeated up to 2,000 characters, or 100 KB.
 */
export function randomMessage(rand: () => number, index: number): string {
  if (index % 1000 === 999) return pick(rand, ['a', 'called Acme ', '💥', '\u0007', '9 ']).repeat(LONG_CHARS);
  switch (index % 6) {
    case 5: {
      const unit = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, PATTERN_PIECES)).join(pick(rand, [' ', '']));
      return unit.repeat(1 + Math.floor((rand() * 2000) / (unit.length + 1)));
    }
    case 0: return codePoints(rand, Math.floor(rand() * 120), 0x7f);
    case 1: return codePoints(rand, Math.floor(rand() * 80), 0x110000);
    case 2: return codePoints(rand, Math.floor(rand() * 40), 0x20) + pick(rand, WORDS) + codePoints(rand, 5, 0xa0);
    case 3: return Array.from({ length: 1 + Math.floor(rand() * 14) }, () => pick(rand, WORDS)).join(pick(rand, [' ', '', '  ', '\n']));
    default: return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(rand, WORDS)).join(' ') + codePoints(rand, 3, 0x3000);
  }
}

/** A random parse context: either speaker, any instant from 1970 to 2100, odd and invalid zones. */
export function randomContext(rand: () => number): ParseContext {
  return {
    now: new Date(Math.floor(rand() * 4_102_444_800_000)),
    timeZone: pick(rand, ZONES),
    as: rand() < 0.3 ? 'customer' : 'operator',
  };
}
