import { createRequire } from 'node:module';
import { CONTRACT_INTENTS } from '../core/command.ts';
import type { CorpusEntry } from './corpus.ts';
import type { RuleIntent } from './intent-rules.ts';
import { STOP_WORDS } from './lexicon/words.ts';
import { normalizeMessage } from './text.ts';

// natural's subpaths, not the package root: the root loads database drivers and reads .env.
const require = createRequire(import.meta.url);
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js') as new () => NaturalClassifier;
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem: (word: string) => string };

/** A sparse observation: feature positions keyed "0", "1", ... (apparatus's sparse form). */
type Sparse = Record<string, number>;

interface NaturalClassifier {
  /** The apparatus naive Bayes model natural wraps. */
  classifier: {
    classTotals: Record<string, number>;
    totalExamples: number;
    addExample(observation: Sparse, label: string): void;
    train(): void;
    getClassifications(observation: Sparse): { label: string; value: number }[];
  };
}

/** The classifier's opinion: the best intent and its share of the (normalised) scores. */
export interface Guess {
  intent: string;
  confidence: number;
  /**
   * Whether the message has a word (or word pair) that in training mostly meant this intent. Naive
   * Bayes favours small classes for messages made of unseen words ("book a flight" came out as a
   * survey request), so a guess without such a cue is not acted on.
   */
  cued: boolean;
}

// Minimum normalised score for a guess to be acted on (chosen by cross-validation on train.jsonl).
const MIN_CONFIDENCE = 0.9;
const CUE_MIN_COUNT = 2;
const CUE_MIN_SHARE = 0.6;
// Messages longer than this are not worth classifying: commands are short.
const MAX_CLASSIFY_CHARS = 300;

const stemCache = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

// Porter stemming is the slow part of featuresOf; words repeat a lot, so stems are remembered.
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size < MAX_CACHED_STEMS) stemCache.set(word, s);
  }
  return s;
}

/**
 * Features of a message: Porter stems of its words and of adjacent pairs, with names, amounts and
 * e-mail addresses replaced by placeholders so the model learns the phrasing, not the customers.
 */
function featuresOf(text: string): string[] {
  const masked = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' xemail ')
    .replace(/(?:[$€£¥₹]\s?)\d[\d.,]*\s?[km]?\b|\b\d[\d.,]*\s?(?:k|m|usd|eur|gbp|euros?|dollars?)\b|\b\d[\d.,]*\s?[€$£]/gi, ' xmoney ')
    .replace(/\d+/g, ' xnum ');
  const words = masked.match(/[\p{L}'’]+/gu) ?? [];
  const stems = words.map((w, i) => {
    const lower = w.toLowerCase();
    const capital = w !== lower && i > 0 && !STOP_WORDS.has(lower);
    return capital ? 'xname' : stem(lower.replace(/['’]/g, ''));
  });
  const pairs = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  return [...stems, ...pairs, stems[0] ? `^${stems[0]}` : '^'];
}

/** A naive Bayes intent classifier (natural's BayesClassifier) trained on operator messages. */
export interface IntentClassifier {
  /** The best intent and its confidence, or undefined when the message shares no feature with training. */
  guess(text: string): Guess | undefined;
  /** The intent to act on: a contract intent other than unknown, with confidence >= MIN_CONFIDENCE. */
  decide(text: string): RuleIntent | undefined;
}

/** Trains the classifier on the operator messages of a corpus (takes tens of milliseconds). */
export function trainIntentClassifier(entries: readonly CorpusEntry[], minConfidence = MIN_CONFIDENCE): IntentClassifier {
  // natural's addDocument/classify turn each message into a 0/1 vector over the whole vocabulary,
  // finding every vocabulary word by linear search. The model underneath is fed sparse observations
  // instead (a few microseconds per feature, to learn and to classify).
  const model = new BayesClassifier().classifier;
  const positions = new Map<string, number>();
  const sparse = (features: string[], grow: boolean): Sparse => {
    const out: Sparse = {};
    let n = 0;
    for (const f of new Set(features)) {
      let at = positions.get(f);
      if (at === undefined && grow) positions.set(f, (at = positions.size));
      if (at !== undefined) out[n++] = at;
    }
    return out;
  };
  const examples: { observation: Sparse; label: string }[] = [];
  // How often each feature occurs per intent, to find the features that point at one intent.
  const seen = new Map<number, Map<string, number>>();
  for (const e of entries) {
    if (e.as !== 'operator' || !(CONTRACT_INTENTS as readonly string[]).includes(e.expected.intent)) continue;
    const features = featuresOf(normalizeMessage(e.text));
    if (features.length > 1) examples.push({ observation: sparse(features, true), label: e.expected.intent });
  }
  for (const { observation, label } of examples) {
    for (const at of Object.values(observation)) {
      const counts = seen.get(at) ?? new Map<string, number>();
      counts.set(label, (counts.get(label) ?? 0) + 1);
      seen.set(at, counts);
    }
    model.addExample(observation, label);
    // apparatus counts examples only on its dense path; counted here exactly as it would.
    model.totalExamples++;
    model.classTotals[label] = (model.classTotals[label] ?? 1) + 1;
  }
  // A cue: a feature seen at least CUE_MIN_COUNT times, mostly (CUE_MIN_SHARE) with one intent.
  const isCue = (at: number, label: string): boolean => {
    const counts = seen.get(at);
    const n = counts?.get(label) ?? 0;
    let total = 0;
    for (const c of counts?.values() ?? []) total += c;
    return n >= CUE_MIN_COUNT && n / total >= CUE_MIN_SHARE;
  };
  const trained = examples.length > 0;
  if (trained) model.train();
  const guess = (text: string): Guess | undefined => {
    if (!trained || text.length > MAX_CLASSIFY_CHARS) return undefined;
    const observation = sparse(featuresOf(text), false);
    if (Object.keys(observation).length === 0) return undefined;
    const scores = model.getClassifications(observation);
    const total = scores.reduce((sum, s) => sum + s.value, 0);
    const best = scores[0];
    if (!best || !(total > 0)) return undefined;
    const cued = Object.values(observation).some((at) => isCue(at, best.label));
    return { intent: best.label, confidence: best.value / total, cued };
  };
  return {
    guess,
    decide(text) {
      const g = guess(text);
      if (!g || !g.cued || g.intent === 'unknown' || g.intent === 'nps_reply' || g.confidence < minConfidence) return undefined;
      return g.intent as RuleIntent;
    },
  };
}
