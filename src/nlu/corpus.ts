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

/** The development split: written blind to the parser, for finding what it gets wrong. Never trained on. */
export const DEV_PATH = join(CORPUS_DIR, 'dev.jsonl');

/** A second development split, written blind later with more names, e-mails and phones. */
export const DEV2_PATH = join(CORPUS_DIR, 'dev2.jsonl');

/** A third development split, written blind with e-mail addresses and phone numbers in every intent. */
export const DEV3_PATH = join(CORPUS_DIR, 'dev3.jsonl');

/** A fourth development split, written blind with names of many cultures and shapes. */
export const DEV4_PATH = join(CORPUS_DIR, 'dev4.jsonl');

/** A fifth development split, written blind with the held-out split's second part's brief (all intents). */
export const DEV5_PATH = join(CORPUS_DIR, 'dev5.jsonl');

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
