import { createRequire } from 'node:module';
import { normalizeMessage } from './text.ts';

interface Analyzer {
  vocabulary: Record<string, number>;
  getSentiment(words: string[]): number;
}

// CRM words AFINN scores for everyday English: "support" and "help" are nouns here, not praise,
// and "slow", "buggy", "churn" are complaints AFINN does not know.
const DOMAIN_VALENCE: Readonly<Record<string, number>> = {
  support: 0, help: 0, want: 0, pretty: 0,
  slow: -2, slower: -2, slowly: -1, buggy: -2, bug: -1, bugs: -1, crash: -2, crashes: -2, crashing: -2,
  broken: -2, expensive: -1, pricey: -1, blocker: -2, churn: -2, churning: -2, outage: -2, refund: -1,
  laggy: -2, unusable: -3, confusing: -2, fast: 1, smooth: 2, intuitive: 2,
};
const NEGATION = /^(?:not|no|never|neither|nor|without|cannot|hardly|barely|.+n't)$/;
const NEGATION_REACH = 3;

let analyzer: Analyzer | undefined;

// Loaded on first use: the sentiment module and its word lists take about 200 ms to load.
function getAnalyzer(): Analyzer {
  if (!analyzer) {
    const require = createRequire(import.meta.url);
    const { SentimentAnalyzer } = require('natural/lib/natural/sentiment/index.js') as {
      SentimentAnalyzer: new (language: string, stemmer: undefined, type: string) => Analyzer;
    };
    analyzer = new SentimentAnalyzer('English', undefined, 'afinn');
    Object.assign(analyzer.vocabulary, DOMAIN_VALENCE);
  }
  return analyzer;
}

/** Loads the word lists now, so that the first note a server sees is not the one that waits for them. */
export function loadSentiment(): void {
  getAnalyzer();
}

/**
 * Sentiment of a note: the mean AFINN valence per word (natural's SentimentAnalyzer, roughly -5..5;
 * below 0 is unhappy). Unlike the analyzer alone, a negation only flips the next few words of its
 * own clause, so "not happy at all, the onboarding was terrible" is negative, not 0.
 */
export function sentimentOf(text: string): number {
  const a = getAnalyzer();
  const clauses = normalizeMessage(text.slice(0, 10_000)).toLowerCase().split(/[,.;:!?]+|\s+(?:but|however|although|though)\s+/);
  let total = 0;
  let count = 0;
  for (const clause of clauses) {
    let reach = 0;
    for (const word of clause.match(/[\p{L}']+/gu) ?? []) {
      count++;
      if (NEGATION.test(word)) {
        reach = NEGATION_REACH;
        continue;
      }
      const valence = a.getSentiment([word]);
      total += reach > 0 ? -valence : valence;
      if (reach > 0) reach--;
    }
  }
  return count === 0 ? 0 : total / count;
}
