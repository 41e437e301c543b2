import type { Parser } from '../core/parser.ts';
import { trainIntentClassifier } from './classifier.ts';
import { loadCorpus, TRAIN_PATH } from './corpus.ts';
import { loadEnglishWords } from './lexicon/english.ts';
import { makeParser } from './parser.ts';
import { loadSentiment } from './sentiment.ts';

export { sentimentOf } from './sentiment.ts';

/** Options for createParser. */
export interface ParserOptions {
  /** Labeled corpus the intent classifier is trained on. Default: nlu-corpus/train.jsonl. */
  trainPath?: string;
  /** Called with any exception a rule throws (the message is then answered `unknown`). Default: ignore. */
  onError?: (error: unknown) => void;
}

/**
 * Loads the word lists the parser otherwise loads on first use (about 450 ms together): a server
 * calls it at start, so its first messages do not wait for them; `crm parse` does not need it.
 */
export function loadWordLists(): void {
  loadSentiment();
  loadEnglishWords();
}

/** Creates the free-text parser: rules plus a natural Bayes classifier trained from the corpus at start. */
export function createParser(options: ParserOptions = {}): Parser {
  return makeParser(trainIntentClassifier(loadCorpus(options.trainPath ?? TRAIN_PATH)), options.onError);
}
