import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractResult } from '../core/command.ts';
import type { Speaker } from '../core/parser.ts';

/** One labeled message of nlu-corpus/*.jsonl (format in nlu-corpus/LABELING.md). */
export interface CorpusEntry {
  text: string;
  now: string;
  tz: string;
  as: Speaker;
  expected: ContractResult;
}

// The repository's nlu-corpus directory.
const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'nlu-corpus');

/** The training split the classifier learns from. */
export const TRAIN_PATH = join(CORPUS_DIR, 'train.jsonl');

/** A development split: written blind to the parser, then read to find what it gets wrong. Never trained on. */
export interface DevelopmentSplit {
  /** The file's name without ".jsonl" ("dev", "dev2", ...). */
  name: string;
  path: string;
  /** What it was written to stress. */
  about: string;
}

/** The development splits, in the order they were written (sources in nlu-corpus/<name>-src/). */
export const DEVELOPMENT_SPLITS: readonly DevelopmentSplit[] = [
  ['dev', 'every intent'],
  ['dev2', 'names, e-mails and phones'],
  ['dev3', 'e-mail addresses and phone numbers in every intent'],
  ['dev4', 'names of many cultures and shapes'],
  ['dev5', 'every intent, with the held-out part 2 brief'],
  ['dev6', 'six kinds of small business, person-customers and households'],
  ['dev7', 'hurried chat: dictation, forwards, shorthand, titles'],
  ['dev8', 'logged interactions: every way of naming who and which customer'],
  ['dev9', 'customer records: contacts, addresses, person-customers, summaries'],
  ['dev10', 'six founders in six countries: who and which customer, named as busy people type'],
  ['dev11', 'seven sole traders whose customers are people and households: names as typed on a phone'],
  ['dev12', 'six founders in English-speaking countries: every intent, names of every shape'],
].map(([name, about]) => ({ name: name!, path: join(CORPUS_DIR, `${name}.jsonl`), about: about! }));

/** The held-out split: only measured, never trained on or read while writing rules. */
export const HELDOUT_PATH = join(CORPUS_DIR, 'heldout.jsonl');

/** Its second part, written blind the same way later (more e-mails and phones); same rules apply. */
export const HELDOUT2_PATH = join(CORPUS_DIR, 'heldout2.jsonl');

/** Reads a JSONL corpus; an absent file is an empty corpus, a malformed line an error naming it. */
export function loadCorpus(path: string): CorpusEntry[] {
  if (!existsSync(path)) return [];
  const out: CorpusEntry[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
    const e = value as Partial<CorpusEntry>;
    if (typeof e.text !== 'string' || typeof e.expected?.intent !== 'string') {
      throw new Error(`${path}:${i + 1}: needs "text" and "expected.intent"`);
    }
    out.push({
      text: e.text, now: e.now ?? new Date(0).toISOString(), tz: e.tz ?? 'UTC',
      as: e.as === 'customer' ? 'customer' : 'operator', expected: { intent: e.expected.intent, slots: e.expected.slots ?? {} },
    });
  });
  return out;
}
