import { createRequire } from 'node:module';

let words: ReadonlySet<string> | undefined;

// natural's English POS lexicon (about 55,000 lower-case words) is only loaded (about 250 ms) the
// first time a message has a lower-case word in a name position.
function lexicon(): ReadonlySet<string> {
  if (!words) {
    const require = createRequire(import.meta.url);
    const entries = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, unknown>;
    words = new Set(Object.keys(entries).filter((w) => /^[a-z]/.test(w)));
  }
  return words;
}

/** True for ordinary English words ("weather", "deck", "legal"); false for "acme" or "globex". */
export function isEnglishWord(word: string): boolean {
  return lexicon().has(word.toLowerCase());
}
