import { createRequire } from 'node:module';

let words: ReadonlySet<string> | undefined;
// Penn tags of adverbs, determiners, numbers, prepositions, pronouns and interjections.
const FUNCTION_TAG = /^(?:RB|RBR|RBS|IN|DT|CD|LS|MD|PRP|CC|WDT|WRB|WP|UH|JJR|JJS)$/;

// natural's English POS lexicon (about 55,000 lower-case words) is only loaded (about 250 ms) the
// first time a message has a lower-case word in a name position.
function lexicon(): ReadonlySet<string> {
  if (!words) {
    const require = createRequire(import.meta.url);
    const entries = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
    const set = new Set(Object.keys(entries).filter((w) => /^[a-z]/.test(w)));
    // Some common words are listed only capitalised ("First", "Both"); a non-noun tag tells them from names.
    for (const [w, tags] of Object.entries(entries)) {
      if (/^[A-Z][a-z]+$/.test(w) && tags.some((t) => FUNCTION_TAG.test(t))) set.add(w.toLowerCase());
    }
    words = set;
  }
  return words;
}

/** Loads the lexicon now rather than on first use. */
export function loadEnglishWords(): void {
  lexicon();
}

/** True for ordinary English words ("weather", "deck", "legal"); false for "acme" or "globex". */
export function isEnglishWord(word: string): boolean {
  return lexicon().has(word.toLowerCase());
}
